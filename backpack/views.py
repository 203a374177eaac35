"""The teacher's pages: saved activities, class backpacks (private, read-only, print,
calendar), school links and booking requests.

None of these is ever cached or indexed (``private``), and every token lookup that fails is
the same plain 404, whether the token was wrong, deleted or never issued.
"""

import functools

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Page

from backpack import bookings, saved
from backpack.calendar import backpack_calendar
from backpack.forms import (
    AddActivitiesForm,
    AfterVisitForm,
    BackpackForm,
    BookingRequestForm,
    EmailLinkForm,
    ExperienceForm,
    JoinSchoolForm,
    SchoolForm,
)
from backpack.models import (
    GOAL,
    MAX_EXPERIENCES,
    Backpack,
    BookingRequest,
    PlannedExperience,
    School,
    Status,
)
from backpack.planning import activities_in_language, summarise
from core.cache import never_cache
from directory.models import ActivityPage, ProviderPage
from places.nations import nation_code_for_request
from places.stages import find_year_group

MINE_KEY = "backpack_mine"  # edit tokens of the backpacks made in this browser
MAX_PAGE_ID = 2**31 - 1


def private(view):
    """Never cached, never indexed: backpacks and requests belong to the teacher."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return never_cache(response)

    return wrapper


def _safe_next(request, fallback):
    # Only a path on this site: never another host, and never a bare word that redirect()
    # would take for a view name.
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _live_activity(page_id):
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    if not 0 < page_id <= MAX_PAGE_ID:
        return None
    return ActivityPage.objects.live().public().filter(pk=page_id).first()


def _my_tokens(request):
    tokens = request.session.get(MINE_KEY, [])
    if not isinstance(tokens, list):
        return []
    return [token for token in tokens if isinstance(token, str)][-20:]


def _remember(request, backpack):
    tokens = [t for t in _my_tokens(request) if t != backpack.edit_token]
    request.session[MINE_KEY] = (tokens + [backpack.edit_token])[-20:]


# Saving ---------------------------------------------------------------------------------------


# Without a CSRF token, so the directory's pages, where every card has a Save button, stay the
# same for everyone and can be cached. Nothing is at risk: a forged post could only add an
# activity to a saved list, and the session cookie is SameSite=Lax, so a post from another
# site does not even reach the visitor's own list.
@csrf_exempt
@private
@require_POST
def toggle_saved(request):
    """Save or unsave an activity, then go back where the teacher was (or answer JSON to the
    page's script, which updates the button and the header's count in place)."""
    activity = _live_activity(request.POST.get("activity"))
    if activity is None:
        if _wants_json(request):
            return JsonResponse({"error": _("That activity is no longer listed.")}, status=400)
        messages.error(request, _("That activity is no longer listed."))
        return HttpResponseRedirect(_safe_next(request, reverse("backpack:saved")))
    if request.POST.get("action") == "remove":
        saved.remove(request, activity.translation_key)
        message = _("Removed “%(title)s” from your saved activities.") % {"title": activity.title}
    else:
        saved.save(request, activity)
        message = _("Saved “%(title)s”.") % {"title": activity.title}
    count = len(saved.saved_keys(request))
    if _wants_json(request):
        return JsonResponse(
            {"saved": saved.is_saved(request, activity), "count": count, "message": message}
        )
    messages.success(request, message)
    return HttpResponseRedirect(_safe_next(request, reverse("backpack:saved")))


def _saved_page(request, form, status=200):
    """The saved activities (in the reader's language), the backpacks made in this browser
    and the form for a new one."""
    keys = saved.saved_uuids(request)
    shown = activities_in_language(keys, Locale.get_active())
    mine = list(
        Backpack.objects.filter(edit_token__in=_my_tokens(request)).annotate(
            planned=Count("experiences"),
            done=Count("experiences", filter=Q(experiences__status=Status.DONE)),
        )
    )
    return TemplateResponse(
        request,
        "backpack/saved.html",
        {
            "activities": [shown[key] for key in keys if key in shown],
            "form": form,
            "mine": mine,
            "goal": GOAL,
        },
        status=status,
    )


@private
@require_GET
def saved_list(request):
    return _saved_page(request, BackpackForm(nation=nation_code_for_request(request)))


@private
@require_POST
def create_backpack(request):
    nation = nation_code_for_request(request)
    form = BackpackForm(request.POST, nation=nation)
    keys = [k for k in (saved.parse_key(v) for v in request.POST.getlist("activities")) if k]
    if not form.is_valid():
        return _saved_page(request, form, status=400)
    with transaction.atomic():
        backpack = form.save(commit=False)
        backpack.nation = nation or ""
        backpack.save()
        _add_experiences(backpack, keys)
    _remember(request, backpack)
    messages.success(request, _("Your class backpack is ready. Keep its link safe."))
    return redirect("backpack:edit", token=backpack.edit_token)


def _add_experiences(backpack, keys):
    """Add the activities with these translation keys, once each, within the limit."""
    present = set(backpack.experiences.values_list("activity_key", flat=True))
    room = MAX_EXPERIENCES - len(present)
    wanted = [key for key in dict.fromkeys(keys) if key not in present][: max(room, 0)]
    if not wanted:
        return 0
    found = {}
    for activity in ActivityPage.objects.live().public().filter(translation_key__in=wanted):
        found.setdefault(activity.translation_key, activity)
    PlannedExperience.objects.bulk_create(
        PlannedExperience(
            backpack=backpack,
            activity=found[key],
            activity_key=key,
            activity_title=found[key].title[:255],
        )
        for key in wanted
        if key in found
    )
    return len(found)


# A backpack ---------------------------------------------------------------------------------


def _backpack_or_404(token, field="edit_token"):
    if not isinstance(token, str) or not 20 <= len(token) <= 64:
        raise Http404("No such backpack")
    backpack = Backpack.objects.select_related("school").filter(**{field: token}).first()
    if backpack is None:
        raise Http404("No such backpack")
    return backpack


def _backpack_context(request, backpack, editable):
    locale = Locale.get_active()
    experiences = list(backpack.experiences.all())
    summary = summarise(backpack, experiences, locale)
    group = find_year_group(
        backpack.nation or nation_code_for_request(request), backpack.year_group
    )
    context = {
        "backpack": backpack,
        "summary": summary,
        "editable": editable,
        "year_group": group.label if group else backpack.year_group,
        "goal": GOAL,
    }
    answers = {}
    for booking in BookingRequest.objects.filter(
        experience__in=[e.pk for e in summary.experiences]
    ).order_by("received_at"):
        answers[booking.experience_id] = booking  # the latest request's answer
    for experience in summary.experiences:
        experience.answer = answers.get(experience.pk)
    if editable:
        context["details_form"] = BackpackForm(instance=backpack, nation=backpack.nation or None)
        for experience in summary.experiences:
            experience.form = ExperienceForm(instance=experience, prefix=f"e{experience.pk}")
        present = {e.activity_key for e in summary.experiences}
        addable = [k for k in saved.saved_uuids(request) if k not in present]
        shown = activities_in_language(addable, locale) if addable else {}
        context["add_form"] = AddActivitiesForm(
            choices=[(str(k), shown[k].title) for k in addable if k in shown]
        )
        context["email_form"] = EmailLinkForm()
        context["school_form"] = SchoolForm()
        context["edit_url"] = request.build_absolute_uri(
            reverse("backpack:edit", args=(backpack.edit_token,))
        )
        context["view_url"] = request.build_absolute_uri(
            reverse("backpack:view", args=(backpack.view_token,))
        )
    context["calendar_url"] = request.build_absolute_uri(
        reverse("backpack:calendar", args=(backpack.view_token,))
    )
    return context


@private
@require_GET
def edit_backpack(request, token):
    backpack = _backpack_or_404(token)
    return TemplateResponse(
        request, "backpack/backpack.html", _backpack_context(request, backpack, editable=True)
    )


@private
@require_GET
def view_backpack(request, token):
    backpack = _backpack_or_404(token, "view_token")
    return TemplateResponse(
        request, "backpack/backpack.html", _backpack_context(request, backpack, editable=False)
    )


@private
@require_GET
def print_backpack(request, token):
    backpack = _backpack_or_404(token, "view_token")
    return TemplateResponse(
        request, "backpack/print.html", _backpack_context(request, backpack, editable=False)
    )


@private
@require_GET
def calendar_feed(request, token):
    backpack = _backpack_or_404(token, "view_token")
    experiences = list(backpack.experiences.all())
    summary = summarise(backpack, experiences, Locale.get_active())
    body = backpack_calendar(backpack, summary.experiences, request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="class-backpack.ics"'
    return response


@private
@require_POST
def edit_details(request, token):
    backpack = _backpack_or_404(token)
    form = BackpackForm(request.POST, instance=backpack, nation=backpack.nation or None)
    if form.is_valid():
        form.save()
        backpack.touch()
        messages.success(request, _("Class details saved."))
        return redirect("backpack:edit", token=backpack.edit_token)
    context = _backpack_context(request, backpack, editable=True)
    context["details_form"] = form
    return TemplateResponse(request, "backpack/backpack.html", context, status=400)


@private
@require_POST
def add_activities(request, token):
    backpack = _backpack_or_404(token)
    keys = [k for k in (saved.parse_key(v) for v in request.POST.getlist("activities")) if k]
    added = _add_experiences(backpack, keys) if keys else 0
    if added:
        backpack.touch()
        messages.success(request, _("Added to the plan."))
    else:
        messages.error(request, _("Choose at least one saved activity."))
    return redirect("backpack:edit", token=backpack.edit_token)


def _experience_or_404(backpack, pk):
    experience = backpack.experiences.filter(pk=pk).first()
    if experience is None:
        raise Http404("No such experience")
    return experience


@private
@require_POST
def update_experience(request, token, pk):
    backpack = _backpack_or_404(token)
    experience = _experience_or_404(backpack, pk)
    previous = experience.status
    form = ExperienceForm(request.POST, instance=experience, prefix=f"e{experience.pk}")
    if not form.is_valid():
        context = _backpack_context(request, backpack, editable=True)
        for shown in context["summary"].experiences:
            if shown.pk == experience.pk:
                shown.form = form
        messages.error(request, _("Please correct the plan below."))
        return TemplateResponse(request, "backpack/backpack.html", context, status=400)
    form.save()
    backpack.touch()
    if experience.status == Status.DONE and previous != Status.DONE:
        return redirect("backpack:after_visit", token=backpack.edit_token, pk=experience.pk)
    messages.success(request, _("Plan saved."))
    return redirect(f"{reverse('backpack:edit', args=(backpack.edit_token,))}#e{experience.pk}")


@private
@require_POST
def remove_experience(request, token, pk):
    backpack = _backpack_or_404(token)
    experience = _experience_or_404(backpack, pk)
    experience.delete()
    backpack.touch()
    messages.success(request, _("Removed from the plan."))
    return redirect("backpack:edit", token=backpack.edit_token)


@private
def after_visit(request, token, pk):
    """The three optional questions, asked when an experience is marked done."""
    backpack = _backpack_or_404(token)
    experience = _experience_or_404(backpack, pk)
    if request.method == "POST":
        form = AfterVisitForm(request.POST, instance=experience)
        if form.is_valid():
            answered = form.save(commit=False)
            answered.status = Status.DONE
            if (
                answered.took_part_fully
                or answered.would_recommend is not None
                or answered.pupils_said.strip()
            ):
                answered.answered_at = timezone.now()
            answered.save()
            backpack.touch()
            messages.success(request, _("Thank you. The experience is marked done."))
            return redirect("backpack:edit", token=backpack.edit_token)
        status = 400
    elif request.method == "GET":
        form = AfterVisitForm(instance=experience)
        status = 200
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    shown = activities_in_language([experience.activity_key], Locale.get_active())
    return TemplateResponse(
        request,
        "backpack/after_visit.html",
        {
            "backpack": backpack,
            "experience": experience,
            "activity": shown.get(experience.activity_key),
            "form": form,
        },
        status=status,
    )


@private
@require_POST
def delete_backpack(request, token):
    backpack = _backpack_or_404(token)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the backpack should be deleted."))
        return redirect("backpack:edit", token=backpack.edit_token)
    backpack.delete()
    messages.success(request, _("The class backpack has been deleted."))
    return redirect("backpack:saved")


@private
@require_POST
def email_link(request, token):
    backpack = _backpack_or_404(token)
    form = EmailLinkForm(request.POST)
    if not form.is_valid() or bookings.is_rate_limited(request, increment=True):
        messages.error(request, _("Enter an email address such as name@school.org.uk."))
        return redirect("backpack:edit", token=backpack.edit_token)
    edit_url = request.build_absolute_uri(reverse("backpack:edit", args=(backpack.edit_token,)))
    view_url = request.build_absolute_uri(reverse("backpack:view", args=(backpack.view_token,)))
    body = "\n".join(
        [
            _("Here is the private link to the class backpack for %(name)s.")
            % {"name": backpack.class_name},
            "",
            _("To change the plan (keep this to yourself): %(url)s") % {"url": edit_url},
            _("To let colleagues see it without changing it: %(url)s") % {"url": view_url},
        ]
    )
    send_mail(
        _("Your class backpack: %(name)s") % {"name": backpack.class_name},
        body,
        None,
        [form.cleaned_data["email"]],
    )
    messages.success(request, _("We have sent the link. We have not kept your address."))
    return redirect("backpack:edit", token=backpack.edit_token)


# Schools ------------------------------------------------------------------------------------


@private
@require_POST
def create_school(request, token):
    backpack = _backpack_or_404(token)
    form = SchoolForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the school a name."))
        return redirect("backpack:edit", token=backpack.edit_token)
    school = form.save()
    backpack.school = school
    backpack.save(update_fields=["school"])
    messages.success(request, _("School link created. Add other classes from it."))
    return redirect("backpack:school", token=school.token)


@private
def school_page(request, token):
    if not isinstance(token, str) or not 20 <= len(token) <= 64:
        raise Http404("No such school")
    school = School.objects.filter(token=token).first()
    if school is None:
        raise Http404("No such school")
    form = JoinSchoolForm()
    status = 200
    if request.method == "POST":
        form = JoinSchoolForm(request.POST)
        if form.is_valid():
            joining = form.cleaned_data["link"]
            joining.school = school
            joining.save(update_fields=["school"])
            messages.success(request, _("Class added to the school."))
            return redirect("backpack:school", token=school.token)
        status = 400
    elif request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    classes = list(
        school.backpacks.annotate(
            planned=Count("experiences"),
            done=Count("experiences", filter=Q(experiences__status=Status.DONE)),
            booked=Count("experiences", filter=Q(experiences__status=Status.BOOKED)),
        ).order_by("year_group", "class_name")
    )
    nation = nation_code_for_request(request)
    for backpack in classes:
        group = find_year_group(backpack.nation or nation, backpack.year_group)
        backpack.year_group_label = group.label if group else backpack.year_group
    return TemplateResponse(
        request,
        "backpack/school.html",
        {"school": school, "classes": classes, "form": form, "goal": GOAL},
        status=status,
    )


# Booking requests ---------------------------------------------------------------------------


@private
def booking_request(request, activity_id):
    activity = _live_activity(activity_id)
    if activity is None:
        raise Http404("No such activity")
    provider = ProviderPage.objects.filter(
        pk__in=Page.objects.filter(path=activity.path[: -activity.steplen]).values("pk")
    ).first()
    backpack, experience = None, None
    token = request.GET.get("backpack") or request.POST.get("backpack") or ""
    if token:
        backpack = Backpack.objects.filter(edit_token=token[:64]).first()
        if backpack is not None:
            experience = backpack.experiences.filter(activity_key=activity.translation_key).first()
    initial = {}
    if backpack is not None:
        group = find_year_group(
            backpack.nation or nation_code_for_request(request), backpack.year_group
        )
        initial = {
            "pupils": backpack.pupils,
            "year_group": group.label if group else backpack.year_group,
            "school_name": backpack.school.name if backpack.school else "",
            "adults": 2,
        }
    if request.method == "POST":
        form = BookingRequestForm(request.POST)
        limited = bookings.is_rate_limited(request)
        if form.is_valid() and not limited:
            if not form.is_spam:
                bookings.is_rate_limited(request, increment=True)
                bookings.record_request(
                    form, activity, provider, experience, getattr(request, "LANGUAGE_CODE", "")
                )
            if backpack is not None:
                messages.success(request, _("Request sent. The provider will reply by email."))
                return redirect("backpack:edit", token=backpack.edit_token)
            return redirect(f"{reverse('backpack:request_sent')}?activity={activity.pk}")
        status = 429 if limited and form.is_valid() else 400
        if limited:
            form.add_error(
                None, _("Too many requests from this connection. Please try again later.")
            )
    elif request.method == "GET":
        form = BookingRequestForm(initial=initial)
        status = 200
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    return TemplateResponse(
        request,
        "backpack/request_form.html",
        {
            "activity": activity,
            "provider": provider,
            "form": form,
            "backpack": backpack,
            "retention_days": settings.BACKPACK_REQUEST_CONTACT_DAYS,
        },
        status=status,
    )


@private
@require_GET
def request_sent(request):
    activity = _live_activity(request.GET.get("activity"))
    return TemplateResponse(request, "backpack/request_sent.html", {"activity": activity})

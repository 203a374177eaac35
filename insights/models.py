"""What the programme's editors learn from the site: the directory's search log (with no
personal data) and the permission that opens the insights reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchLog(models.Model):
    """One directory search, as the teacher made it, with nothing that identifies them: no IP
    address, session, cookie, user or full postcode. A postcode is kept only as the local
    authority its district lies in."""

    searched_at = models.DateTimeField(_("searched at"), db_index=True)
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    # The local authority (places.Place code) the search was for: the chosen place when it is
    # a local authority, or the local authority of the postcode's district. Wider places (a
    # region, a nation) are kept in place_code too; local_authority_code is then empty.
    place_code = models.CharField(_("place"), max_length=20, blank=True, db_index=True)
    local_authority_code = models.CharField(
        _("local authority"), max_length=20, blank=True, db_index=True
    )
    radius = models.PositiveSmallIntegerField(_("radius (miles)"), null=True, blank=True)
    # Multiple choices as ",slug,slug," so one LIKE '%,music,%' finds a slug in any position.
    art_forms = models.CharField(_("art forms"), max_length=300, blank=True)
    stage = models.CharField(_("stage"), max_length=20, blank=True)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    formats = models.CharField(_("formats"), max_length=300, blank=True)
    access = models.CharField(_("access"), max_length=300, blank=True)
    languages = models.CharField(_("languages"), max_length=300, blank=True)
    free_only = models.BooleanField(default=False)
    max_price = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    in_care = models.BooleanField(default=False)
    cpd = models.BooleanField(default=False)
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    result_count = models.PositiveIntegerField(_("results"))

    class Meta:
        verbose_name = _("directory search")
        verbose_name_plural = _("directory searches")
        ordering = ["-searched_at"]
        indexes = [
            models.Index(fields=["local_authority_code", "searched_at"]),
            # Covering indexes for the reports' grouped counts (insights/coverage.py searches,
            # insights/unmet_demand.py): read from the index, the table is never touched.
            models.Index(
                fields=["local_authority_code", "art_forms", "searched_at"],
                name="insights_search_la_forms",
            ),
            models.Index(
                fields=["result_count", "searched_at", "place_code", "art_forms", "stage", "site"],
                name="insights_search_unmet",
            ),
        ]
        permissions = [("view_insights", "Can see the programme insights reports")]

    def __str__(self):
        return f"{self.searched_at:%Y-%m-%d %H:%M} {self.keywords or self.art_forms}"


def as_list(value):
    """A stored ",a,b," choice list as ['a', 'b']."""
    return [item for item in value.split(",") if item]


def as_stored(items):
    return f",{','.join(items)}," if items else ""

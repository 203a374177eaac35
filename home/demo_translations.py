"""The regional sites in their own languages: Welsh, Scottish Gaelic and Irish versions of each
regional home page, its "about" page, its footer and its directory page, made through
wagtail-localize as an editor would (core/translation_import.py). Runs after the directory's
demo content; safe to run again (existing translations are left alone).
"""

import re

from core.translation_import import translate
from home.demo_regions import regional_home, regional_homes
from home.models import Footer

# English source string -> translation, per regional site.
WELSH = {
    "Arts Backpack Wales": "Arts Backpack Cymru",
    "Privacy notice": "Hysbysiad preifatrwydd",
    "The Arts Backpack for primary schools across Wales.": (
        "Yr Arts Backpack i ysgolion cynradd ledled Cymru."
    ),
    "Five cultural experiences a year for every child in Wales": (
        "Pum profiad diwylliannol y flwyddyn i bob plentyn yng Nghymru"
    ),
    "Music, theatre, dance, film and heritage, in English and in Welsh, for every "
    "primary-school child in Wales. Find offers near your school and read about the Welsh "
    "pilot.": (
        "Cerddoriaeth, theatr, dawns, ffilm a threftadaeth, yn Gymraeg ac yn Saesneg, i bob "
        "plentyn ysgol gynradd yng Nghymru. Dewch o hyd i gynigion yn agos at eich ysgol a "
        "darllenwch am y cynllun peilot yng Nghymru."
    ),
    "The Arts Backpack in Wales": "Yr Arts Backpack yng Nghymru",
    "about": "amdanom",
    "A pilot in Wales was planned for the 2023/24 school year, after pilots in Leicester, "
    "Belfast and Fife.": (
        "Roedd cynllun peilot yng Nghymru wedi'i gynllunio ar gyfer blwyddyn ysgol 2023/24, "
        "ar ôl y cynlluniau peilot yng Nghaerlŷr, Belfast a Fife."
    ),
    "Schools in Wales work to the Curriculum for Wales, in which expressive arts are one of "
    "six areas of learning and experience. The Arts Backpack helps schools find artists, "
    "venues and heritage close to them, in Welsh, in English or in both.": (
        "Mae ysgolion yng Nghymru yn dilyn Cwricwlwm i Gymru, lle mae'r celfyddydau mynegiannol "
        "yn un o chwe maes dysgu a phrofiad. Mae'r Arts Backpack yn helpu ysgolion i ddod o hyd "
        "i artistiaid, lleoliadau a threftadaeth yn agos atynt, yn Gymraeg, yn Saesneg neu yn "
        "y ddwy iaith."
    ),
    "The directory on this site starts with offers in Wales. You can widen any search to the "
    "whole of the UK.": (
        "Mae'r cyfeiriadur ar y wefan hon yn dechrau gyda chynigion yng Nghymru. Gallwch ehangu "
        "unrhyw chwiliad i'r Deyrnas Unedig gyfan."
    ),
    "The Arts Backpack in Wales: at least five quality cultural experiences a year for every "
    "primary-school child.": (
        "Yr Arts Backpack yng Nghymru: o leiaf pum profiad diwylliannol o safon y flwyddyn i "
        "bob plentyn ysgol gynradd."
    ),
    "Find activities": "Dod o hyd i weithgareddau",
    "activities": "gweithgareddau",
    "Search the activity directory for offers near your school.": (
        "Chwiliwch y cyfeiriadur gweithgareddau am gynigion yn agos at eich ysgol."
    ),
    "Local arts and cultural offers for primary schools: search by place or postcode, art "
    "form, age, cost, dates and access needs, then contact the provider.": (
        "Cynigion celfyddydol a diwylliannol lleol i ysgolion cynradd: chwiliwch yn ôl lle neu "
        "god post, ffurf gelfyddydol, oedran, cost, dyddiadau ac anghenion mynediad, yna "
        "cysylltwch â'r darparwr."
    ),
}

GAELIC = {
    "Privacy notice": "Brath prìobhaideachd",
    "Arts Backpack Scotland": "Arts Backpack Alba",
    "The Arts Backpack for primary schools across Scotland.": (
        "An Arts Backpack airson bun-sgoiltean air feadh Alba."
    ),
    "Five cultural experiences a year for every child in Scotland": (
        "Còig eòlasan cultarail gach bliadhna do gach pàiste ann an Alba"
    ),
    "Stories, music, dance and making, from Fife to the Highlands, for every primary-school "
    "child in Scotland. Find offers near your school.": (
        "Sgeulachdan, ceòl, dannsa is dèanamh, bho Fìobha gu ruige a' Ghàidhealtachd, do gach "
        "pàiste bun-sgoile ann an Alba. Lorg tairgsean faisg air an sgoil agad."
    ),
    "The Arts Backpack in Scotland": "An Arts Backpack ann an Alba",
    "about": "mu-dheidhinn",
    "Fife was one of the first three places to pilot the Arts Backpack, with Leicester and "
    "Belfast.": (
        "B' e Fìobha aon de na ciad trì àiteachan far an deach an Arts Backpack fheuchainn, "
        "còmhla ri Leicester agus Béal Feirste."
    ),
    "Stages on this site follow Curriculum for Excellence levels, from early level to third "
    "level, so teachers can find offers for their class at a glance.": (
        "Tha na h-ìrean air an làrach seo a' leantainn ìrean a' Churraicealaim airson "
        "Sàr-mhathais, bhon ìre thràth chun na treas ìre, gus an lorg tidsearan tairgsean "
        "airson a' chlas aca gu luath."
    ),
    "The directory on this site starts with offers in Scotland. You can widen any search to "
    "the whole of the UK.": (
        "Tha an eòlaire air an làrach seo a' tòiseachadh le tairgsean ann an Alba. Faodaidh tu "
        "sgrùdadh sam bith a leudachadh chun na RA air fad."
    ),
    "The Arts Backpack in Scotland: at least five quality cultural experiences a year for "
    "every primary-school child.": (
        "An Arts Backpack ann an Alba: co-dhiù còig eòlasan cultarail math gach bliadhna do "
        "gach pàiste bun-sgoile."
    ),
}

IRISH = {
    "Privacy notice": "Fógra príobháideachais",
    "Arts Backpack Northern Ireland": "Arts Backpack Thuaisceart Éireann",
    "The Arts Backpack for primary schools across Northern Ireland.": (
        "An Arts Backpack do bhunscoileanna ar fud Thuaisceart Éireann."
    ),
    "Five cultural experiences a year for every child in Northern Ireland": (
        "Cúig eispéireas cultúrtha sa bhliain do gach páiste i dTuaisceart Éireann"
    ),
    "Puppetry, drumming, dance and storytelling for every primary-school child in Northern "
    "Ireland. Find offers near your school.": (
        "Puipéadóireacht, drumadóireacht, damhsa agus scéalaíocht do gach páiste bunscoile i "
        "dTuaisceart Éireann. Aimsigh tairiscintí gar do do scoil."
    ),
    "The Arts Backpack in Northern Ireland": "An Arts Backpack i dTuaisceart Éireann",
    "about": "eolas",
    "Belfast was one of the first three places to pilot the Arts Backpack, with Leicester and "
    "Fife.": (
        "Bhí Béal Feirste ar cheann de na chéad trí áit inar tástáladh an Arts Backpack, "
        "in éineacht le Leicester agus Fife."
    ),
    "Stages on this site follow Northern Ireland's foundation stage and key stages, so "
    "teachers can find offers for their class at a glance.": (
        "Leanann na céimeanna ar an suíomh seo céim bhunúsach agus eochairchéimeanna "
        "Thuaisceart Éireann, ionas gur féidir le múinteoirí tairiscintí dá rang a aimsiú go "
        "tapa."
    ),
    "The directory on this site starts with offers in Northern Ireland. You can widen any "
    "search to the whole of the UK.": (
        "Tosaíonn an t-eolaire ar an suíomh seo le tairiscintí i dTuaisceart Éireann. Is féidir "
        "leat aon chuardach a leathnú chuig an RA ar fad."
    ),
    "The Arts Backpack in Northern Ireland: at least five quality cultural experiences a year "
    "for every primary-school child.": (
        "An Arts Backpack i dTuaisceart Éireann: cúig eispéireas cultúrtha ar ardchaighdeán ar "
        "a laghad sa bhliain do gach páiste bunscoile."
    ),
}

# region -> (language, strings, translate the directory page too?). The Welsh directory is
# translated with its activities (directory/demo_translations.py); the Gaelic and Irish sites
# link to their English directories until their activities are translated.
REGIONAL_TRANSLATIONS = {
    "wales": ("cy", WELSH, True),
    "scotland": ("gd", GAELIC, False),
    "northern-ireland": ("ga", IRISH, False),
}


def _lookup(strings):
    """Translations from ``strings``; slugs with no translation keep their English form."""

    def lookup(text):
        return strings.get(text) or (text if re.fullmatch(r"[a-z0-9-]+", text) else None)

    return lookup


def _untranslated(instance, language_code):
    return not instance.get_translations().filter(locale__language_code=language_code).exists()


def load(stdout, **options):
    missing = []
    for key, (language, strings, with_directory) in REGIONAL_TRANSLATIONS.items():
        home = regional_home(key)
        if home is None:
            continue
        # The directory page (by its model's name: the home app knows no other app) is
        # translated last, and only where the site's directory is translated.
        children = home.get_children().specific()
        objects = [home, *children.exclude(content_type__model="directoryindexpage")]
        if with_directory:
            objects += list(children.filter(content_type__model="directoryindexpage"))
        objects.append(
            Footer.objects.get(name=regional_homes()[key]["site_name"], locale=home.locale)
        )
        for instance in objects:
            if _untranslated(instance, language):
                missing += translate(instance, language, _lookup(strings))
    stdout.write("Translations: regional pages in cy, gd and ga.")
    for text in sorted(set(missing)):
        stdout.write(f"  left in English: {text[:70]}")

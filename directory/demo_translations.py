"""The Wales site's directory in Welsh: its two providers (one Welsh-medium) and all their
activities, translated through wagtail-localize (core/translation_import.py). Runs after
home/demo_translations.py has translated the Wales home and directory pages. Safe to run again.
"""

import re

from core.translation_import import translate
from directory.models import ProviderPage

WELSH_PROVIDERS = ["cwmni-celf-y-cymoedd", "bay-animation-studio"]

WELSH = {
    "Bay Animation Studio": "Stiwdio Animeiddio'r Bae",
    "A Welsh-medium arts company in the Rhondda valleys making theatre, art and music with "
    "children in Welsh and bilingually.": (
        "Cwmni celfyddydau cyfrwng Cymraeg yng nghymoedd y Rhondda sy'n creu theatr, celf a "
        "cherddoriaeth gyda phlant yn Gymraeg ac yn ddwyieithog."
    ),
    "Animators in Cardiff Bay who teach stop-motion and drawn animation to classes in the "
    "studio or online.": (
        "Animeiddwyr ym Mae Caerdydd sy'n dysgu animeiddio stop-symud ac animeiddio wedi'i "
        "dynnu i ddosbarthiadau yn y stiwdio neu ar-lein."
    ),
    "Email us with your school, year group and preferred dates.": (
        "Anfonwch e-bost atom gydag enw'ch ysgol, y grŵp blwyddyn a'r dyddiadau sy'n gyfleus."
    ),
    "Tell us about any access needs when you book; we will adapt the session.": (
        "Dywedwch wrthym am unrhyw anghenion mynediad wrth archebu; byddwn yn addasu'r sesiwn."
    ),
    "Bay Animation Studio, Cardiff Bay": "Stiwdio Animeiddio'r Bae, Bae Caerdydd",
    "Cardiff Bay": "Bae Caerdydd",
    # Activities
    "Theatre trip and workshop": "Ymweliad â'r theatr a gweithdy",
    "See a show made for young audiences, then meet the cast.": (
        "Gwylio sioe i gynulleidfaoedd ifanc, yna cwrdd â'r cast."
    ),
    "Drama for confidence": "Drama i fagu hyder",
    "Games and improvisation that help children speak up and listen.": (
        "Gemau a byrfyfyrio sy'n helpu plant i siarad yn hyderus ac i wrando."
    ),
    "Puppet show and make": "Sioe bypedau a gwneud pyped",
    "Watch a puppet show, then build a puppet to take home.": (
        "Gwylio sioe bypedau, yna gwneud pyped i fynd adref."
    ),
    "Printmaking workshop": "Gweithdy gwneud printiau",
    "Relief printing with safe carving blocks and bright inks.": (
        "Argraffu cerfwedd gyda blociau cerfio diogel ac incau llachar."
    ),
    "Clay creatures": "Creaduriaid clai",
    "Hand-built clay animals inspired by a local collection.": (
        "Anifeiliaid clai wedi'u gwneud â llaw, wedi'u hysbrydoli gan gasgliad lleol."
    ),
    "Big collaborative mural": "Murlun mawr ar y cyd",
    "The class designs and paints a mural with an artist.": (
        "Mae'r dosbarth yn cynllunio ac yn peintio murlun gydag artist."
    ),
    "Make a samba band": "Creu band samba",
    "Pupils learn rhythms on surdo, caixa and agogô and perform as one band.": (
        "Mae disgyblion yn dysgu rhythmau ar y surdo, y caixa a'r agogô ac yn perfformio fel "
        "un band."
    ),
    "Songwriting in a day": "Cyfansoddi cân mewn diwrnod",
    "A class writes, rehearses and records its own song about where it lives.": (
        "Mae dosbarth yn ysgrifennu, yn ymarfer ac yn recordio ei gân ei hun am ei fro."
    ),
    "Build an instrument": "Adeiladu offeryn",
    "Children make shakers, drums and kazoos, then compose a piece for them.": (
        "Mae plant yn gwneud ysgydwyr, drymiau a chasŵs, yna'n cyfansoddi darn ar eu cyfer."
    ),
    "Circus skills": "Sgiliau syrcas",
    "Juggling, plate spinning and balance with professional circus artists.": (
        "Jyglo, troelli platiau a chydbwyso gydag artistiaid syrcas proffesiynol."
    ),
    "Street carnival costume": "Gwisgoedd carnifal stryd",
    "Design and make carnival costumes for a parade.": (
        "Cynllunio a gwneud gwisgoedd carnifal ar gyfer gorymdaith."
    ),
    "Stop-motion in a day": "Stop-symud mewn diwrnod",
    "Plan, shoot and edit a short stop-motion film using tablets.": (
        "Cynllunio, ffilmio a golygu ffilm stop-symud fer ar lechi digidol."
    ),
    "Make a documentary": "Gwneud rhaglen ddogfen",
    "Children interview people in their community and cut a film.": (
        "Mae plant yn cyfweld â phobl yn eu cymuned ac yn golygu ffilm."
    ),
    "Design your own video game": "Dylunio eich gêm fideo eich hun",
    "From paper prototype to a playable level, in teams.": (
        "O brototeip papur i lefel y gellir ei chwarae, mewn timau."
    ),
    "Coding for makers": "Codio i wneuthurwyr",
    "Program lights and sounds for a model the class builds.": (
        "Rhaglennu goleuadau a synau ar gyfer model y mae'r dosbarth yn ei adeiladu."
    ),
    "Photo walk": "Taith ffotograffau",
    "Children explore their neighbourhood through a camera lens.": (
        "Mae plant yn archwilio eu cymdogaeth drwy lens camera."
    ),
    "Pinhole cameras": "Camerâu twll pin",
    "Make a pinhole camera from a tin and develop the pictures.": (
        "Gwneud camera twll pin o dun a datblygu'r lluniau."
    ),
    "1 hour": "Awr",
    "Half a day": "Hanner diwrnod",
    "A full school day": "Diwrnod ysgol llawn",
    "Six weekly sessions": "Chwe sesiwn wythnosol",
    "Up to 30 pupils": "Hyd at 30 o ddisgyblion",
    "Up to 15 pupils": "Hyd at 15 o ddisgyblion",
    "One class": "Un dosbarth",
    "Whole school": "Yr ysgol gyfan",
    "Free places for schools with high numbers of pupils eligible for free school meals.": (
        "Lleoedd am ddim i ysgolion sydd â niferoedd uchel o ddisgyblion sy'n gymwys i gael "
        "prydau ysgol am ddim."
    ),
    "Supports the expressive arts and oracy across the curriculum.": (
        "Yn cefnogi'r celfyddydau mynegiannol a llafaredd ar draws y cwricwlwm."
    ),
}

# Sentences the generator builds from parts: translated part by part.
LED_BY = re.compile(r"^(?P<summary>.+) Led by (?P<provider>.+), for up to one class at a time\.$")
AGES = re.compile(r"^(?P<title>.+): ages (?P<low>\d+) to (?P<high>\d+)$")


def welsh(text):
    if text in WELSH:
        return WELSH[text]
    if match := LED_BY.match(text):
        summary, provider = welsh(match["summary"]), welsh(match["provider"]) or match["provider"]
        if summary:
            return f"{summary} Dan arweiniad {provider}, i un dosbarth ar y tro."
    if match := AGES.match(text):
        title = welsh(match["title"])
        if title:
            return f"{title}: oed {match['low']} i {match['high']}"
    # Names and slugs that stay as they are in Welsh (a Welsh-medium company's own name, the
    # venue, generated slugs).
    if text in WELSH_PROVIDERS or re.fullmatch(r"[a-z0-9-]+", text) or "Cymoedd" in text:
        return text
    return None


def load(stdout, **options):
    missing = []
    for slug in WELSH_PROVIDERS:
        provider = ProviderPage.objects.filter(slug=slug, locale__language_code="en").first()
        if (
            provider is None
            or provider.get_translations().filter(locale__language_code="cy").exists()
        ):
            continue
        missing += translate(provider, "cy", welsh)
        for activity in provider.get_children().specific():
            missing += translate(activity, "cy", welsh)
    if missing:
        stdout.write("Welsh directory strings left in English: " + "; ".join(sorted(set(missing))))

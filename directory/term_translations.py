"""Names of the directory's taxonomy terms in Welsh, Scottish Gaelic and Irish, so filters and
cards on the regional sites speak the reader's language. Loaded through wagtail-localize
(``manage.py load_term_translations``), so editors can refine them in its editor afterwards.
"""

from core.translation_import import translate
from directory.models import AccessFeature, ArtForm, DeliveryLanguage, Format

# slug -> (Welsh, Scottish Gaelic, Irish)
TERM_NAMES = {
    ArtForm: {
        "music": ("Cerddoriaeth", "Ceòl", "Ceol"),
        "dance": ("Dawns", "Dannsa", "Damhsa"),
        "theatre-drama": ("Theatr a drama", "Theatar is dràma", "Amharclann agus drámaíocht"),
        "visual-art-craft": (
            "Celf weledol a chrefft",
            "Ealain lèirsinneach is ceàird",
            "Amharcealaín agus ceardaíocht",
        ),
        "film-animation": ("Ffilm ac animeiddio", "Film is beòthachadh", "Scannáin agus beochan"),
        "digital-games-design": (
            "Dylunio digidol a gemau",
            "Dealbhadh didseatach is geamannan",
            "Dearadh digiteach agus cluichí",
        ),
        "literature-poetry-storytelling": (
            "Llenyddiaeth, barddoniaeth ac adrodd straeon",
            "Litreachas, bàrdachd is sgeulachdan",
            "Litríocht, filíocht agus scéalaíocht",
        ),
        "museums-heritage": (
            "Amgueddfeydd a threftadaeth",
            "Taighean-tasgaidh is dualchas",
            "Músaeim agus oidhreacht",
        ),
        "circus-street-arts": (
            "Syrcas a chelfyddydau stryd",
            "Soircas is ealain sràide",
            "Sorcas agus ealaíona sráide",
        ),
        "photography": ("Ffotograffiaeth", "Dealbhadaireachd", "Grianghrafadóireacht"),
        "architecture-design": (
            "Pensaernïaeth a dylunio",
            "Ailtireachd is dealbhadh",
            "Ailtireacht agus dearadh",
        ),
        "combined-arts-festivals": (
            "Celfyddydau cyfun a gwyliau",
            "Ealain mheasgaichte is fèisean",
            "Ealaíona comhcheangailte agus féilte",
        ),
    },
    Format: {
        "comes-to-school": (
            "Yn dod i'ch ysgol",
            "A' tighinn don sgoil agaibh",
            "Tagann chuig do scoil",
        ),
        "visit-a-venue": ("Ymweld â lleoliad", "Tadhal air ionad", "Cuairt ar ionad"),
        "online": ("Ar-lein", "Air loidhne", "Ar líne"),
        "hybrid": ("Cyfunol", "Measgaichte", "Hibrideach"),
        "outdoors-community": (
            "Yn yr awyr agored / yn y gymuned",
            "A-muigh / sa choimhearsnachd",
            "Amuigh / sa phobal",
        ),
    },
    AccessFeature: {
        "wheelchair-access": (
            "Mynediad i gadeiriau olwyn",
            "Ruigsinneachd do chathraichean-cuibhle",
            "Rochtain do chathaoireacha rothaí",
        ),
        "bsl": (
            "Iaith Arwyddion Prydain (BSL)",
            "Cànan Soidhnidh Bhreatainn (BSL)",
            "Teanga Chomharthaíochta na Breataine (BSL)",
        ),
        "audio-description": ("Disgrifiad sain", "Tuairisgeul claisneachd", "Closchur"),
        "captions": ("Capsiynau", "Fo-thiotalan", "Fotheidil"),
        "relaxed": (
            "Hamddenol / addas i'r synhwyrau",
            "Socair / càirdeil dha na ciad-fàthan",
            "Suaimhneach / oiriúnach don chéadfa",
        ),
        "send-adapted": (
            "Wedi'i addasu ar gyfer ADY",
            "Air atharrachadh airson feumalachdan sònraichte",
            "Curtha in oiriúint do riachtanais speisialta",
        ),
    },
    DeliveryLanguage: {
        "english": ("Saesneg", "Beurla", "Béarla"),
        "welsh": ("Cymraeg", "Cuimris", "Breatnais"),
        "scottish-gaelic": ("Gaeleg yr Alban", "Gàidhlig", "Gaeilge na hAlban"),
        "irish": ("Gwyddeleg", "Gaeilge na h-Èireann", "Gaeilge"),
        "bilingual": ("Dwyieithog", "Dà-chànanach", "Dátheangach"),
    },
}
LANGUAGES = ("cy", "gd", "ga")


def load_term_translations():
    """Translate every known term that has no translation yet; return how many were made."""
    made = 0
    for model, names in TERM_NAMES.items():
        for term in model.objects.filter(locale__language_code="en", slug__in=names):
            existing = set(
                model.objects.filter(translation_key=term.translation_key).values_list(
                    "locale__language_code", flat=True
                )
            )
            for language, name in zip(LANGUAGES, names[term.slug], strict=True):
                if language not in existing:
                    translate(term, language, {term.name: name}.get)
                    made += 1
    return made

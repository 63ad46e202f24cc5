"""Word lists, as data: the one place each list of words lives.

Every rule that reads words (sentence ends, names, quotes, suggestions, bylines, dates) takes its
words from here, so that two rules never disagree on what a month, a title or a name particle is.
Lists of one language end in its code (`_EN`, `_DE`); lists for several languages are keyed by
language code. Nothing here is computed from text: these are constants. Long because it is one
job, the lists themselves: splitting them would put two rules' words in two places.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- calendar -----------------------------------------------------------------------------------

MONTH_NAMES_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Lower case: every full name, its three-letter abbreviation, and "sept".
MONTH_WORDS_EN: frozenset[str] = frozenset(
    [m.lower() for m in MONTH_NAMES_EN] + [m[:3].lower() for m in MONTH_NAMES_EN] + ["sept"]
)
DAY_NAMES_EN: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTH_NAMES_DE: tuple[str, ...] = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
DAY_NAMES_DE: tuple[str, ...] = (
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
)
_CALENDAR_EN = frozenset(DAY_NAMES_EN + MONTH_NAMES_EN)
_CALENDAR_EN_LOWER = frozenset(w.lower() for w in _CALENDAR_EN)

# --- sentences and names ------------------------------------------------------------------------

# A dot after one of these (any case) does not end a sentence: `Mr. Smith`, `Inc. said`.
ABBREVIATIONS = _words(
    "mr mrs ms dr gen sen rep gov lt col st jr sr prof capt sgt no vs etc inc co corp ltd"
)
# Words before a person's name that are not part of it (`Mr. Netanyahu` is Netanyahu).
HONORIFICS_EN = _words("mr mrs ms miss dr prof sir dame")
# Lower-case words inside a name (`Charles de Gaulle`, `Ursula von der Leyen`, `Lula da Silva`,
# `Maria do Rosário`, `Abdel Fattah al-Sisi`), in any of the languages whose names use them.
# Not `den`, `das`, `zu`, `ten`, `ter`: in running German or English text they join a name to
# the next noun far more often (`sagte Müller zu Journalisten`, `the top ten Democrats`).
NAME_PARTICLES = _words("al bin da de del della der di do dos du el ibn la le van von")
# In a name already known to be one (a byline, an author to cite), those five are particles too:
# "von der Leyen, U.", "ter Stegen, M.", "den Uyl, J.".
NAME_PARTICLES_IN_A_NAME = NAME_PARTICLES | _words("den das zu ten ter")
# Words joining the names of organisations (`Ministry of Defense`, `Fund for Peace`).
ORGANISATION_JOINERS = _words("of for")

# Words that open a sentence, capitalised there, before a name (`Later Łukasz Nowak left`).
SENTENCE_OPENERS_EN = (
    "Yet Although Though During Both Still Meanwhile Since Because Despite Until Even Also Then "
    "Now Later Earlier Today Tonight Yesterday Tomorrow Many Some Most Several"
)
# Capitalised words that are not names: a sentence's first word, days, months, titles and
# roles (`CEO Tim Cook` is Tim Cook: the role is not part of the name).
_NOT_NAMES_EN = """
    The A An In On At But And As If When While After Before However This That These Those It He
    She They We I His Her Their Its Our Mr Mrs Ms Dr Prime Minister President Foreign Defense
    Defence Secretary Minister Spokesperson Spokesman Spokeswoman Senator Governor Mayor General
    Chief Officer Director Envoy Ambassador King Queen Prince Sheikh Judge According State Asked
    Last Next CEO CFO COO CTO Co-CEO Chairman Chairwoman Chairperson Chair Founder Co-founder
    Cofounder Administrator Commissioner Chancellor Premier Deputy Vice Executive Manager Coach
    Leader Professor Prof Sir Lord Lady Rabbi Pope Cardinal Bishop Reverend Rev Detective Sheriff
    Lieutenant Lt Colonel Col Sergeant Sgt Captain Capt Commander Cmdr Admiral Adm Gen Sen Rep
    Representative Congressman Congresswoman Councillor Councilman Councilwoman Inspector
    Superintendent Over Under For From With Without By Through Among Amid Against Across Around
    Into Upon Like Unlike To Of Or Nor So Not No All Every Each Any There Here What Who Why How
    Where Let
"""
NOT_NAMES_EN = _CALENDAR_EN | _words(SENTENCE_OPENERS_EN) | _words(_NOT_NAMES_EN)
# Nationality adjectives: `Syrian` alone is never a speaker (`Syrian officials said`).
NATIONALITIES_EN = _words(
    """
    Afghan African American Arab Argentine Armenian Asian Australian Austrian Bangladeshi
    Belgian Brazilian British Bulgarian Burmese Canadian Chinese Colombian Congolese Croatian
    Cuban Czech Danish Dutch Egyptian Emirati English Ethiopian European Filipino Finnish French
    Georgian German Greek Hungarian Indian Indonesian Iranian Iraqi Irish Israeli Italian
    Japanese Jewish Jordanian Kenyan Korean Kurdish Kuwaiti Lebanese Libyan Malaysian Mexican
    Moroccan Nigerian Norwegian Omani Pakistani Palestinian Persian Peruvian Polish Portuguese
    Qatari Romanian Russian Saudi Scottish Serbian Somali Spanish Sudanese Swedish Swiss Syrian
    Taiwanese Thai Tunisian Turkish Ukrainian Venezuelan Vietnamese Welsh Yemeni
    """
)
# `Fifty-one percent say` is a number of people, not someone named Fifty-one.
NUMBER_WORDS_EN = _words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion dozen dozens half
    """
)
# Time expressions are when something was said, never who said it (`this week`, `a talk
# Tuesday`).
TIME_WORDS_EN = _CALENDAR_EN_LOWER | _words(
    """
    today tonight yesterday tomorrow morning afternoon evening night day days week weeks weekend
    month months year years decade season hour hours minute minutes moment time earlier later
    """
)

# --- English grammar words ----------------------------------------------------------------------

# What a pronoun may stand for.
PRONOUN_KINDS_EN = {"he": "person", "she": "person", "it": "organisation", "they": "organisation"}
REFLEXIVES_EN = _words("himself herself themselves itself")
DETERMINERS_EN = _words("the a an one his her their its another this")
# Words that may stand between a subject and its verb (`Katz also said`, `who had warned`).
FILLERS_EN = _words(
    """
    instead just has had have also then later once again previously recently earlier further
    repeatedly publicly and but who would will did does was is not never
    """
)
# What a description may describe that never speaks (`according to the statement`, `a
# compliment`): a document or a thing, whose author is the speaker, not it.
THINGS_EN = _words(
    """
    statement letter lawsuit manifesto report study complaint filing memo post tweet release
    document phone card compliment scheme noise take update show being sample paper survey poll
    article book email message note video website ad headline sign banner slogan story film
    movie song law bill rule policy plan deal agreement proposal ruling decision verdict petition
    indictment affidavit notice caption label title name term phrase word line sentence quote
    question answer response reply transcript recording footage clip photo picture image map
    chart graph table list data figure number result finding evidence text version draft
    """
)
# Verbs a description runs into when its sentence goes on (`the man could be heard`).
AUXILIARIES_EN = _words(
    "could would should can may might must be been came comes went goes wants wanted "
    "got gets made makes seemed seems appeared appears"
)
# One capitalised word that opens a sentence but names no one (`Worse, as one executive said`).
NOT_A_SPEAKER_EN = _words(
    "which worse few another many some most others both such also then yet still better "
    "instead indeed besides moreover furthermore nevertheless none nobody everybody everyone "
    "someone somebody anyone anybody"
)
# A description (`the source`) ends at one of these.
STOP_AFTER_DESCRIPTION_EN = _words("in on at to for with during after before from by that")
STOP_AFTER_DESCRIPTION_EN |= _words("when while as of and")
RELATIVES_EN = _words("who whose which where")
# A name or description right after a preposition is its object, not a subject.
PREPOSITIONS_EN = _words(
    "in on at to for with during after before from by of about into over under through against "
    "between among despite without within like than toward towards upon across behind beyond near"
)
# Words that open a clause of their own after a verb (`saying he trusted`, `said that`).
CLAUSE_OPENERS_EN = frozenset(PRONOUN_KINDS_EN) | _words("i we you that")

# --- speech -------------------------------------------------------------------------------------

# Speech verbs. Base forms and plurals that are more often nouns (`state`, `reports`,
# `claims`) are left out: `the state would be “…”` must not read as an attribution.
SPEECH_VERBS_EN = _words(
    """
    said say says saying tell tells told telling add adds added adding warn warns warned warning
    stated stating describe describes described describing called calling accuse accuses accused
    accusing reported reporting insist insists insisted insisting noted noting write writes
    wrote writing argue argues argued arguing claimed claiming declare declares declared
    declaring announce announces announced announcing urge urges urged urging ask asks asked
    asking explain explains explained explaining replied replying respond responds responded
    responding acknowledge acknowledges acknowledged admit admits admitted recalled remarked
    tweeted posted vowed vowing pledged promised threaten threatens threatened demanded condemn
    condemns condemned denounce denounces denounced criticise criticises criticised criticize
    criticizes criticized labelled labeled dubbed termed branded stressed suggest suggests
    suggested predict predicts predicted confirm confirms confirmed deny denies denied continued
    concluded recounted shouted whispered written rejected rejecting dismissed dismissing
    observed cautioned conceded contended lamented boasted complained joked quipped mused opined
    retorted countered emphasized emphasised fumed scoffed snapped recalls explains adds
    asserted asserts alleged alleges testified reiterated reiterates
    """
)
# `fuentes de Montecon dijeron`, `explicaron las fuentes`: unnamed sources speak as a group,
# never for one person named before.
SOURCE_NOUNS = _words("fuentes voceros sources fontes fonti Quellen")
# `searched for the phrase “…”`, `das Wort „…“`: words in marks after one of these are
# mentioned, not said by anyone.
MENTION_NOUNS = _words(
    """
    phrase phrases word words term terms slogan slogans hashtag motto
    Wort Wörter Begriff Begriffe Schlagwort Motto Slogan Hashtag
    mot mots terme termes formule expression
    palabra palabras término términos frase lema
    palavra palavras termo expressão parola parole termine
    """
)
# `Strafanzeige gegen „D.Live“`, `bei „Exclusiv“ (RTL)`, `dans « Le Monde »`: words in marks
# right after one of these, in a sentence that reports no speech before them, name a thing (a
# firm, a show, a book), said by no one. Prepositions that follow speech verbs (`sprach von`,
# `warned of`, `parle de`, `mit den Worten`) are left out.
NAMING_PREPOSITIONS = _words(
    """
    in on at from by against for into under via
    bei beim gegen im in für auf aus unter nach durch ohne zum zur ins ans aufs neben seit
    dans pour contre sur par chez en au aux sous
    en por para contra sobre desde hacia sin al
    em no na nos nas por para contra sobre
    nel nella per contro sul sulla dal dalla
    """
)
# Speech verbs of the languages with attribution rules of their own (besides English).
SPEECH_VERBS = {
    "de": _words(
        """
        sagte sagt sagten erklärte erklärt erklärten betonte betont warnte warnt meinte meint
        ergänzte ergänzt fügte fügt schrieb schreibt berichtete berichtet kommentierte
        kommentiert unterstrich unterstreicht kritisierte kritisiert forderte fordert
        bestätigte bestätigt erläuterte erläutert versicherte versichert antwortete antwortet
        erzählte erzählt begründete begründet informierte informiert mahnte mahnt verkündete
        verkündet sprach spricht räumte räumt stellte stellt fragte fragt rief ruft seufzte
        seufzt beschreibt beschrieb rät riet führte führt findet fand sagen erklären betonen
        schildert schilderte erinnert erinnerte resümiert resümierte zitiert zitierte twittert
        twitterte entgegnet entgegnete erwidert erwiderte kontert konterte behauptet behauptete
        bekräftigt bekräftigte beklagt beklagte bemängelt bemängelte gesteht gestand verrät
        verriet urteilt urteilte appelliert appellierte schimpft schimpfte scherzt scherzte
        präzisiert präzisierte argumentiert argumentierte bilanziert bilanzierte
        """
    )
    # `„…“, freut sich die Prokuristin`: a reflexive verb of feeling that reports speech.
    | {"freut sich", "freute sich", "ärgert sich", "ärgerte sich", "wundert sich", "wunderte sich"},
    "fr": _words(
        """
        déclare dit affirme explique ajoute souligne précise estime indique assure poursuit
        raconte confie note insiste lance martèle reconnaît rappelle observe prévient commente
        déclaré affirmé expliqué ajouté souligné précisé estimé indiqué assuré poursuivi
        raconté confié noté insisté lancé martelé reconnu rappelé observé prévenu commenté
        écrit mentionné lâché jugé détaille développe
        lâche tranche résume glisse conclut souffle confirme confirmé répond répondu
        déclarent affirment expliquent ajoutent soulignent précisent estiment indiquent
        assurent racontent confient rappellent dénoncé dénonce regrette regretté déplore
        déploré annonce annoncé avertit averti ironise ironisé
        """
    )
    | {"fait valoir"},
    "es": _words(
        """
        dijo dice afirmó afirma declaró declara explicó explica añadió añade agregó agrega
        aseguró asegura señaló señala indicó indica sostuvo sostiene advirtió advierte comentó
        comenta subrayó subraya destacó destaca manifestó apuntó apunta precisó insistió
        recalcó dicho afirmado declarado explicado añadido señalado asegurado indicado
        expresó lamentó enfatizó relató contó sumó admitió reconoció consideró opinó citó
        puntualizó aclaró remarcó concluyó detalló mencionó expuso reiteró acotó respondió
        informó informa denunció criticó resaltó escribió cuenta relata expresa reclamó
        insiste reconoce admite opina considera manifiesta remarca aclara detalla
        dijeron afirmaron declararon explicaron añadieron agregaron aseguraron señalaron
        indicaron sostuvieron advirtieron comentaron destacaron manifestaron precisaron
        expresaron lamentaron informaron detallaron aclararon reconocieron respondieron
        concluyeron denunciaron criticaron insistieron
        """
    ),
    "pt": _words(
        """
        disse diz afirmou afirma declarou declara explicou explica acrescentou acrescenta
        garantiu garante destacou ressaltou salientou sublinhou frisou comentou contou conta
        observou indicou alertou dito afirmado declarado explicado reforçou defendeu
        acrescentado comentado explicou admitiu reconheceu respondeu concluiu lembrou avisou
        argumentou assegurou sustentou insistiu revelou relatou disseram afirmaram
        """
    ),
    "it": _words(
        """
        disse dice dichiarato detto affermato spiegato aggiunto sottolineato precisato
        commentato osservato ricordato scritto raccontato afferma spiega aggiunge sottolinea
        dichiara ribadisce ribadito avverte avvertito riferito risposto annunciato concluso
        replicato ammesso assicurato insistito evidenziato rimarcato denunciato chiarito
        proseguito continuato sostenuto confermato spiegava diceva conclude prosegue osserva
        ricorda commenta racconta precisa continua replica
        """
    ),
}
# `Magallanes sostuvo que “…”`, `il a jugé que « … »`, `betonte, dass „…“`: a quote after one of
# these follows a speech verb's clause, as after a colon.
COMPLEMENTISERS = {
    "de": ("dass",),
    "fr": ("que", "qu’", "qu'"),
    "es": ("que",),
    "pt": ("que",),
    "it": ("che",),
}
# `a Yurramendi, quien señaló que`: the speaker is the name before the pronoun.
RELATIVE_PRONOUNS = _words("quien quienes qui quem chi")
# `…, y enfatizó: “…”`: a verb after one of these has the sentence's subject.
CONJUNCTIONS = _words("y e und et and ma ou")
# Languages that drop a known subject (`“…”, lamentó.`: she lamented).
PRO_DROP = frozenset(("es", "pt", "it"))
# German reported speech (Konjunktiv I): a sentence with one of these goes on reporting the one
# who spoke last (`„…“, meinte er. Dafür müsse man den Konzern „…“`).
REPORTED_SPEECH_DE = _words(
    """
    sei seien habe müsse könne werde wolle solle dürfe gebe stehe gehe liege komme fehle
    brauche bleibe heiße wisse
    """
)
# Plural past and present endings of their verbs (`dijeron`, `disseram`, `hanno detto`).
PLURAL_ENDINGS = ("ron", "ram", "rão", "ono", "anno", "an", "en", "am")
# Past participles need their auxiliary (`a déclaré`, `ha dicho`); German has none here.
SPEECH_AUXILIARIES = {
    "fr": ("a", "ont", "a-t-il", "a-t-elle", "avait", "avaient", "aurait"),
    "es": ("ha", "han"),
    "pt": ("tem", "têm"),
    "it": ("ha", "hanno"),
}
# Participles that are also a present tense (`dit-il`, `écrit-elle`): verbs on their own too.
FINITE_PARTICIPLES = _words("dit écrit")
PARTICIPLE_ENDINGS = {
    "fr": ("é", "u", "is", "it", " valoir"),  # `a fait valoir`
    "es": ("ado", "ido", "icho"),
    "pt": ("ado", "ido", "ito"),
    "it": ("ato", "uto", "ito", "tto", "nto", "sto", "so"),
}
# `so der CEO`, `selon le ministre`, `según el ministerio`: like `according to`.
ACCORDING_TO = {
    "en": ("according to",),
    "de": ("so", "aus Sicht von", "nach Ansicht von", "nach Angaben von", "nach Worten von"),
    "fr": ("selon", "d’après", "d'après"),
    "es": ("según", "en opinión de", "a juicio de"),
    "pt": ("segundo", "de acordo com", "na opinião de"),
    "it": ("secondo", "a giudizio di"),
}
DETERMINERS = {
    "de": _words("der die das ein eine"),
    "fr": _words("le la les un une l’ l'"),
    "es": _words("el la los las un una"),
    "pt": _words("o a os as um uma"),
    "it": _words("il lo la i gli le un una uno l’ l'"),
}
PERSONAL_PRONOUNS = {
    "de": _words("er"),
    "fr": _words("il elle"),
    "es": _words("él ella"),
    "pt": _words("ele ela"),
    "it": _words("lui lei"),
}
# The gender a personal pronoun gives the person it stands for (German `sie` may be plural).
PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "er", "il", "él", "ele", "lui"), "m"),
    **dict.fromkeys(("she", "elle", "ella", "ela", "lei"), "f"),
}
# Capitalised at a sentence's start, never a name: `Zum Glück`, `Dazu`, `Im Interview`.
FUNCTION_WORDS = {
    "de": _words(
        """
        zum zur im am beim vom ins auch doch nur so wie was wer wenn dann denn aber und oder nicht
        noch schon da dort hier jetzt heute gestern dabei damit dazu darum deshalb trotzdem nach
        vor mit bei von für gegen ohne um seit während wegen als ob ich er sie es wir ihr man mein
        sein auf aus an in unter über zu durch bis nachdem bevor weil obwohl trotz laut gemäß
        unser kein keine dies diese dieser dieses jeder jede alle viele
        ihre ihrem ihren ihrer seine seinem seinen seiner unsere meine
        """
    ),
    "fr": _words(
        """
        en au aux dans pour avec sur mais et il elle ils elles on ce cette ces mon son leur depuis
        selon lors après avant chez vers pendant contre sans sous entre hier ainsi
        """
    ),
    "es": _words(
        """
        con por para pero y en su sus este esta ese esa desde tras ante sobre durante según hasta
        ahora hoy ayer así
        """
    ),
    "pt": _words("com em mas ele ela seu sua este esta esse essa após até segundo"),
    "it": _words("con per ma e in su suo sua questo questa dopo fino secondo durante"),
}
# Compound roles: `Grünen-Fraktionschefin`, `Pressesprecherin`, `Readly-CEO`.
ROLE_ENDINGS_DE = (
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "geschäftsführer",
    "geschäftsführerin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "ceo",
    "experte",
    "expertin",
    "trainer",
    "trainerin",
)
# Roles before a name (`Bundeskanzler Olaf Scholz`, `Sr. García`), honorifics and capitalised
# German nouns that follow a speech verb (`sagte am Montag`, `im Interview`): no names.
NOT_NAMES = {
    "de": frozenset(DAY_NAMES_DE + MONTH_NAMES_DE)
    | _words(
        """
        Bundeskanzler Bundeskanzlerin Kanzler Kanzlerin Minister Ministerin Bundesminister
        Bundesministerin Präsident Präsidentin Chef Chefin Sprecher Sprecherin Geschäftsführer
        Geschäftsführerin Vorsitzende Vorsitzender Bürgermeister Bürgermeisterin Trainer Trainerin
        Professorin Herr Frau Jahr Jahren Ende Anfang Interview Gespräch Pressekonferenz Telefon
        """
    ),
    "fr": _words("M. Mme Mlle Me"),
    "es": _words("Sr. Sra. Sr Sra Don Doña"),
    "pt": _words("Dom Dona"),
    "it": _words("Sig. Sig.ra Dott. Dott.ssa On."),
    "any": _words("Professor Prof Prof. Dr Dr. Twitter Facebook Instagram"),
}
# German roles printed before a name (`Kanzlerin Angela Merkel`): who a description (`der
# Präsident`) may not stand for when the roles differ.
TITLES_DE = _words(
    """
    Bundeskanzler Bundeskanzlerin Kanzler Kanzlerin Bürgermeister Bürgermeisterin Professor
    Professorin Bischof Bischöfin Pfarrer Pfarrerin Anwalt Anwältin Arzt Ärztin Polizist
    Polizistin Landrat Landrätin Senator Senatorin König Königin Abgeordneter Abgeordnete
    """
)
# Words for whoever heads a firm or a body stand for one another (`Konzernchef X` … `so der
# CEO`); only a German feminine ending (`Chefin`) tells two of them apart.
HEAD_ROLES = _words(
    """
    chef chefin ceo leiter leiterin geschäftsführer geschäftsführerin direktor direktorin
    vorsitzende vorsitzender directeur directrice director directora diretor diretora direttore
    direttrice
    """
)
# Words between a verb and its subject: `sagt dazu X`, `sagte uns die Quelle`, `a encore dit X`.
FILLERS = {
    "de": _words(
        """
        dazu auch uns mir ihm ihr nur aber noch jetzt dann weiter zudem außerdem etwa denn heute
        gestern später abschließend daher dagegen schließlich hierzu nun mittlerweile ebenfalls
        beispielsweise damals anschließend
        """
    ),
    "fr": _words("encore aussi alors ensuite également pourtant enfin"),
    "es": _words("también además luego entonces después ya"),
    "pt": _words("ainda também depois então já"),
    "it": _words("anche poi ancora inoltre già"),
}
# Articles that introduce someone new (`un integrante del Poder Ejecutivo`), not someone named
# before (`die Managerin`).
INDEFINITE_ARTICLES = _words("ein eine einer un une una uno um uma")
# Roles before a surname in running text (`le juge Bocock`, `el presidente Boric`): the word
# after one is a person's name.
ROLE_NOUNS = {
    "de": _words("Richter Richterin Pastor Pastorin Oberst Trainer Kommissar Abgeordnete"),
    "fr": _words(
        "juge chef ministre président présidente maire directeur directrice porte-parole "
        "chancelier chancelière commissaire député députée sénateur sénatrice premier"
    ),
    "es": _words(
        "juez jueza ministro ministra presidente presidenta alcalde alcaldesa director directora "
        "portavoz diputado diputada senador senadora intendente subsecretario subsecretaria"
    ),
    "pt": _words(
        "juiz ministro ministra presidente presidenta prefeito prefeita diretor diretora "
        "deputado deputada senador senadora governador governadora treinador porta-voz"
    ),
    "it": _words(
        "giudice ministro ministra presidente sindaco sindaca direttore direttrice deputato "
        "deputata senatore senatrice allenatore portavoce governatore"
    ),
}
# `un integrante del Poder Ejecutivo`: the name after one of these is the described's.
OF_WORDS = _words("de del da do dos das des du d’ d' von vom der di of")

# --- suggestions --------------------------------------------------------------------------------

# Words before a name that make it a person's (`envoy Steve Witkoff`).
ROLE_WORDS_EN = _words(
    "envoy spokesperson spokesman spokeswoman minister president secretary official leader "
    "chief ambassador general commander mayor senator governor prosecutor judge director "
    "chairman chairwoman mediator negotiator adviser advisor representative premier king queen "
    "prince emir sheikh pope mr mrs ms dr"
)
# A name ending in one of these is an organisation's (`Foreign Ministry`).
ORGANISATION_WORDS_EN = _words(
    "ministry office council agency organization organisation party army forces union "
    "committee authority bank university fund court parliament government corporation inc "
    "news times post group brigades movement front association institute foundation "
    "commission department company network bureau service services systems hospital school "
    "college club clinic church centre center county community"
)
# Words of a publisher's name (`Miami Herald`, `Amnesty International`): with the organisation
# words above, a name holding one is never taken for a person's.
PUBLISHER_WORDS_EN = _words(
    "international press media radio tv television magazine journal herald tribune review daily "
    "weekly gazette guardian telegraph observer chronicle courier record report reports monitor "
    "wire agency broadcasting channel online digital today world global"
)
# Capitalised words that open or close a sequence without being part of a name.
STOP_WORDS_EN = (
    _CALENDAR_EN_LOWER
    | _words(SENTENCE_OPENERS_EN.lower())
    | _words(
        "the a an in on at but and as if when while after before however this that these those "
        "it he she they we i his her their its our there here what who why how where yet so "
        "according last next"
    )
)
# Words of a title that are not a name on their own (`Defense Minister`).
TITLE_WORDS_EN = _words(
    "defense defence foreign interior finance prime deputy senior special vice acting"
)

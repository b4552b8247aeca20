//! Word lists that drive the rule-based extractor: reporting cues, the words a subject noun
//! phrase cannot contain, titles and role words, organisation heads and pronouns.

/// Cues written as several words, matched before single-word cues.
pub const MULTI_WORD_CUES: &[&[&str]] = &[
    &["according", "to"],
    &["called", "for"],
    &["calls", "for"],
    &["call", "for"],
    &["calling", "for"],
    &["called", "on"],
    &["pointed", "out"],
    &["points", "out"],
    &["pointed", "to"],
    &["made", "clear"],
    &["made", "it", "clear"],
    &["talked", "about"],
    &["spoke", "about"],
    &["referring", "to"],
    &["referred", "to"],
];

/// Single-word reporting cues: verbs of saying and the verbs PolNeAR-style annotation
/// counts as attribution of a position or stance (wants, found, shows, agreed …).
pub const CUE_WORDS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "note", "notes", "noted", "noting", "stress", "stresses", "stressed", "stressing",
    "state", "states", "stated", "stating", "announce", "announces", "announced", "announcing",
    "claim", "claims", "claimed", "claiming", "insist", "insists", "insisted", "insisting",
    "warn", "warns", "warned", "warning", "reassure", "reassures", "reassured", "assure",
    "assures", "assured", "argue", "argues", "argued", "arguing", "explain", "explains",
    "explained", "explaining", "write", "writes", "wrote", "writing", "tweet", "tweets",
    "tweeted", "report", "reports", "reported", "ask", "asks", "asked", "asking", "suggest",
    "suggests", "suggested", "suggesting", "acknowledge", "acknowledges", "acknowledged",
    "acknowledging", "declare", "declares", "declared", "declaring", "admit", "admits",
    "admitted", "deny", "denies", "denied", "denying", "confirm", "confirms", "confirmed",
    "reply", "replies", "replied", "respond", "responds", "responded", "continued", "recall",
    "recalls", "recalled", "recalling", "predict", "predicts", "predicted", "promise",
    "promises", "promised", "promising", "pledge", "pledges", "pledged", "vow", "vows", "vowed",
    "concede", "concedes", "conceded", "conclude", "concludes", "concluded", "reiterate",
    "reiterated", "reiterates", "emphasize", "emphasizes", "emphasized", "mention", "mentions",
    "mentioned", "observe", "observed", "remarked", "believe", "believes", "believed", "think",
    "thinks", "thought", "know", "knows", "knew", "hope", "hopes", "hoped", "hoping", "fear",
    "fears", "feared", "expect", "expects", "want", "wants", "wanted", "show", "shows",
    "showed", "showing", "find", "finds", "found", "indicate", "indicates", "indicated",
    "reveal", "reveals", "revealed", "estimate", "estimates", "estimated", "accuse", "accuses",
    "accused", "accusing", "criticize", "criticizes", "criticized", "criticizing", "urge",
    "urges", "urged", "urging", "describe", "describes", "described", "describing", "cite",
    "cites", "cited", "citing", "blame", "blames", "blamed", "praise", "praises", "praised",
    "reject", "rejects", "rejected", "dismiss", "dismisses", "dismissed", "agree", "agrees",
    "agreed", "seem", "seems", "seemed", "appear", "appears", "appeared", "propose",
    "proposes", "proposed", "endorse", "endorses", "endorsed", "support", "supports",
    "supported", "oppose", "opposes", "opposed", "refuse", "refuses", "refused", "decline",
    "declines", "declined", "defend", "defends", "defended", "question", "questioned",
    "complain", "complains", "complained", "charge", "charged", "allege", "alleges", "alleged",
    "maintain", "maintains", "maintained", "contend", "contends", "contended", "assert",
    "asserts", "asserted", "posted", "emailed", "testified", "sought", "seeks", "called",
    "calls", "calling", "predicting", "insisting", "worries", "worried", "doubt", "doubts",
    "doubted", "acknowledging", "vowing", "pledging", "announcing", "questioning", "slammed",
    "blasted", "mocked", "attacked", "lamented", "decried", "denounced", "condemned",
    "condemns", "wondered", "demanded", "demands", "demanding", "threatened", "threatens",
];

/// Cues whose listener or object comes before the content (`told reporters that …`).
pub const OBJECT_FIRST_CUES: &[&str] = &[
    "tell", "tells", "told", "telling", "assure", "assures", "assured", "reassure",
    "reassures", "reassured", "warn", "warns", "warned", "warning", "ask", "asks", "asked",
    "asking", "urge", "urges", "urged", "urging", "remind", "reminded", "accused", "accuses",
    "accusing", "called", "calls", "calling", "described", "describes", "describing",
    "criticized", "praised", "blamed",
];

/// Words that open the content of a reported clause (`that`, `how` …).
pub const CONTENT_OPENERS: &[&str] = &["that", "how", "what", "why", "whether", "if"];

/// Cues that need an explicit subject or a colon after them to be attribution (`continued`).
pub const COLON_ONLY_CUES: &[&str] = &["continued"];

/// Words skipped between a subject and its cue (`Lavrov also said`, `she has argued`).
pub const AUXILIARIES: &[&str] = &[
    "also", "has", "have", "had", "will", "would", "could", "may", "might", "later", "previously",
    "recently", "repeatedly", "earlier", "then", "once", "again", "publicly", "reportedly",
    "is", "was", "are", "were", "did", "does", "do", "not", "never", "already", "often",
    "frequently", "even", "still", "just", "privately", "long", "flatly", "further",
    "immediately", "quickly", "simply", "clearly", "openly", "angrily", "firmly", "only",
    "n't", "always", "initially", "first", "subsequently", "specifically", "explicitly",
    "strongly", "herself", "himself", "themselves", "itself", "personally", "both", "all",
    "allegedly", "apparently",
];

/// Words a subject noun phrase never contains; reaching one ends the phrase.
pub const PHRASE_STOPS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "or", "but", "because", "if", "when",
    "while", "as", "after", "before", "since", "although", "though", "so", "than", "to", "in",
    "on", "at", "by", "with", "from", "into", "about", "over", "under", "during", "without",
    "against", "between", "is", "was", "are", "were", "be", "been", "being", "has", "have",
    "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does",
    "did", "not", "also", "then", "there", "here", "where", "how", "what", "why", "whether",
    "it", "this", "these", "those", "its", "nor", "yet", "once", "until", "unless", "whereas",
    "said", "says", "say", "told", "asked", "than", "even", "just", "only", "more", "most",
    "no", "all", "both", "each", "any", "some", "such", "like", "upon", "through", "per",
    "via", "amid", "among", "toward", "towards", "despite", "unlike", "within", "across",
    "behind", "beyond", "near", "around", "onto", "off", "out", "up", "down", "now", "today",
    "yesterday", "tomorrow", "him", "her", "them", "me", "us", "my", "our", "your", "his",
    "their", "you", "i", "we", "he", "she", "they", "very", "too", "much", "many", "well",
    "why", "whatever", "whoever", "everyone", "everybody", "nobody", "someone", "something",
];

/// Words allowed inside a subject phrase between capitalised words (`head of the ministry`).
pub const PHRASE_LINKS: &[&str] = &["of", "for", "the", "and"];

/// Pronouns that can be a speaker, resolved to an antecedent.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she"];
pub const GROUP_PRONOUNS: &[&str] = &["they", "it"];
pub const FIRST_PERSON_PRONOUNS: &[&str] = &["i", "we"];

/// Determiners dropped from the front of a description.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "another", "one", "two", "several", "other", "some", "many", "most"];

/// Titles, offices and role words that precede or describe a person (lower case).
pub const TITLE_WORDS: &[&str] = &[
    "president", "minister", "foreign", "defense", "defence", "secretary", "senator", "sen.",
    "gov.", "governor", "rep.", "representative", "congressman", "congresswoman", "mr.",
    "mrs.", "ms.", "dr.", "gen.", "general", "former", "vice", "prime", "deputy", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "ceo", "director",
    "ambassador", "candidate", "nominee", "leader", "mayor", "judge", "justice", "attorney",
    "host", "pollster", "commissioner", "adviser", "advisor", "manager", "chief", "head",
    "speaker", "king", "queen", "pope", "mister", "sir", "lord", "democrat", "republican",
    "democratic", "gop", "presidential", "running", "mate", "aide", "strategist", "analyst",
    "professor", "prof.", "lt.", "col.", "capt.", "sgt.", "economist", "state", "of", "top",
    "senior", "diplomat", "envoy", "mr", "mrs", "ms", "dr", "gen", "gov", "sen", "rep",
    "official", "officials", "founder", "co-founder", "executive", "editor", "reporter",
    "columnist", "anchor", "campaign", "chairperson", "lawyer", "rev.", "minority", "majority",
    "whip", "attorney-general", "first", "lady", "billionaire", "businessman", "businesswoman",
    "activist", "commentator", "pastor", "sheriff", "coach", "general", "interior", "finance",
    "trade", "commerce", "homeland", "security", "health", "justice", "u.s.", "us", "press",
    "white", "house", "national", "chief", "staff",
];

/// Nationality and party adjectives that qualify a title (lower case).
pub const DEMONYMS: &[&str] = &[
    "russian", "ukrainian", "turkish", "american", "british", "french", "german", "chinese",
    "israeli", "iranian", "syrian", "mexican", "canadian", "european", "belarusian", "polish",
    "italian", "spanish", "japanese", "korean", "indian", "u.s.", "republican", "democratic",
    "gop", "kremlin", "nato", "eu", "un",
];

/// Synonyms of a role description's head noun among title words (`leader` → president).
pub const ROLE_SYNONYMS: &[(&str, &[&str])] = &[
    ("diplomat", &["foreign", "diplomat", "ambassador", "envoy", "secretary"]),
    ("leader", &["president", "leader", "prime", "premier", "chancellor", "king"]),
    ("minister", &["minister"]),
    ("president", &["president"]),
    ("candidate", &["candidate", "nominee"]),
    ("nominee", &["candidate", "nominee"]),
    ("senator", &["senator", "sen.", "sen"]),
    ("governor", &["governor", "gov.", "gov"]),
    ("spokesman", &["spokesman", "spokeswoman", "spokesperson"]),
    ("spokeswoman", &["spokesman", "spokeswoman", "spokesperson"]),
    ("official", &["official", "minister", "secretary", "director"]),
    ("businessman", &["businessman", "billionaire", "ceo"]),
    ("mogul", &["businessman", "billionaire", "ceo"]),
];

/// Last words that make a capitalised phrase an organisation rather than a person.
pub const ORGANISATION_HEADS: &[&str] = &[
    "ministry", "department", "agency", "office", "committee", "commission", "campaign",
    "party", "council", "foundation", "institute", "center", "centre", "university", "times",
    "post", "news", "journal", "network", "association", "bureau", "service", "court",
    "senate", "house", "congress", "government", "administration", "poll", "group", "union",
    "organization", "organisation", "corporation", "inc.", "co.", "reuters", "kremlin",
    "tass", "cnn", "fbi", "cia", "pentagon", "press", "magazine", "tribune", "herald",
    "review", "daily", "politico", "gallup", "army", "forces", "police", "fund", "bank",
    "school", "club", "board", "assembly", "parliament", "republics", "republic", "media",
    "nbc", "abc", "cbs", "fox", "msnbc", "ap", "upi", "breitbart", "politifact", "bloomberg",
    "survey", "project", "coalition", "alliance", "league", "caucus", "team", "staff",
];

/// Suffixes after a surname (`Martin Luther King Jr.`).
pub const NAME_SUFFIXES: &[&str] = &["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"];

/// Cues that can come before their source in an inverted clause (`…, said Lavrov`).
pub const INVERTING_CUES: &[&str] = &[
    "said", "says", "added", "adds", "told", "asked", "wrote", "writes", "noted", "notes",
    "continued", "explained", "insisted", "stressed", "replied", "declared", "stated",
    "warned", "argued", "recalled", "tweeted", "observed", "remarked", "suggested", "claimed",
    "reported", "reports", "concluded", "acknowledged", "admitted", "responded", "announced",
];

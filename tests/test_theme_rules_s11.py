"""Twelfth-round theme rules (issue 16): themes that agree across languages on the UNPC triples, by class.

Classes read on the tune half of the UNPC triples (``theme_disagreements``): a cue form one language lacks (the Economic
and Social Council by its full English name, the Habitat conferences, the French adjective and the Arabic singular and
dual of barrel bombs, the singular "human right", oppression), a sense one language gives a word and the others do not
(the Arabic economies "in transition", the French *manifestation* of a conference, *détention* of capabilities,
*armement nucléaire*, warplanes and warships as war, the Tribunal of the Law of the Sea, an electoral tribunal and
history's), and the Arabic arms embargo "imposed on arms" as the French *embargo sur les armes*.

Each case is a short sentence written for the rule (no corpus text), paired with its twin: one the rule must leave
as it was. The rule's reason is in themes.yaml.
"""

from __future__ import annotations

from theme_readings import twin_tests

# (theme, language, a sentence that has the theme, a sentence that has not)
CASES = [
    # cue forms one language lacked
    ("un", "en", "The Economic and Social Council adopted the resolution.", "The economic and social situation worsened."),
    ("un", "en", "Preparations for Habitat III continued.", "The habitat of the species is shrinking."),
    ("un", "fr", "Les travaux préparatoires à Habitat III ont commencé.", "L'habitat rural se dégrade."),
    ("airstrike", "fr", "Des hélicoptères ont largué des barils explosifs sur la ville.",
     "Des barils de pétrole ont été livrés à la ville."),
    ("airstrike", "ar", "ألقت طائرات هليكوبتر برميلا متفجرا على المدرسة", "تم بيع برميل من النفط"),
    ("airstrike", "ar", "أسقط برميلان متفجران على القرية", "ارتفع سعر البرميل"),
    ("rights_abuses", "en", "Education is recognized as a human right.", "The human resources office was moved."),
    ("rights_abuses", "fr", "L'éducation est considérée comme un droit de l'homme.", "L'éducation est un droit acquis."),
    ("rights_abuses", "en", "It was a campaign to oppress the people.", "The campaign opened the press centre."),
    ("rights_abuses", "fr", "Une campagne destinée à opprimer les Palestiniens.", "Une campagne destinée à informer les Palestiniens."),
    ("trade", "fr", "Il a rappelé le rôle important que jouait le commerce dans la croissance.",
     "Le petit commerce du quartier a fermé ses portes."),
    ("trade", "fr", "Le chef du Service des statistiques du commerce a résumé le débat.",
     "Des commerces ont été pillés dans la nuit."),
    ("arms_embargo", "ar", "يشكل ذلك انتهاكا للحظر المفروض على الأسلحة", "يشكل ذلك انتهاكا للحظر المفروض على السفر"),
    ("mediation", "ar", "واصل الأمين العام بذل مساعيه الحميدة", "واصل الأمين العام بذل جهوده"),
    ("counterterrorism", "en", "Measures to eliminate international terrorism", "Measures to eliminate poverty"),
    ("counterterrorism", "fr", "Mesures visant à éliminer le terrorisme international", "Mesures visant à éliminer la pauvreté"),
    ("counterterrorism", "ar", "اتفاقية قمع تمويل الإرهاب", "اتفاقية قمع الاتجار بالأشخاص"),
    ("counterterrorism", "fr", "Les frappes de la coalition internationale contre les positions de l'EIIL.",
     "La Coalition internationale d'ONG pour un protocole facultatif a assisté aux sessions."),
    ("trade", "en", "They reaffirmed their commitment to the work of the WTO.", "They reaffirmed their commitment to the work."),
    ("un_envoy", "fr", "Mon Envoyé spécial cherchera à déterminer si les conditions sont réunies.",
     "Il a envoyé une lettre spéciale au Conseil."),
    ("un_envoy", "fr", "Le Secrétaire général et son Envoyé personnel pour le Sahara occidental.",
     "L'envoyé spécial du Président pour la région a été reçu."),
    ("detainees", "fr", "Plus de 25 travailleurs humanitaires ont été enlevés par un groupe armé.",
     "Les débris ont été enlevés de la route."),
    ("siege", "fr", "Ils veulent assiéger le continent.", "Ils veulent siéger au Conseil."),
    ("casualties", "fr", "On a laissé ses forces tuer des civils en toute impunité.", "On a laissé ses forces tuer le temps."),
    ("conflict", "fr", "Qu'elles mettent fin à tous actes d'hostilité.", "Une politique d'hostilité à l'égard des voisins."),
    # senses that one language gives a word and the others do not
    ("political_transition", "ar", "ستنتهي المرحلة الانتقالية بإجراء الانتخابات",
     "تكاليف سفر ممثلي البلدان التي تمر اقتصاداتها بمرحلة انتقالية"),
    ("protests", "fr", "La manifestation a été dispersée par la police.",
     "La manifestation en cours d'organisation marquera l'anniversaire de la Conférence."),
    ("protests", "fr", "Des milliers de manifestants sont descendus dans la rue.",
     "D'autres manifestations telles que la Conférence internationale sur la sécurité nucléaire ont eu lieu."),
    ("detainees", "fr", "Il demande d'améliorer les conditions de détention des prisonniers.",
     "Il exhorte Israël à renoncer à la détention de capacités nucléaires."),
    ("arms_transfers", "fr", "La livraison d'armes aux rebelles a été condamnée.",
     "Les réductions des armements nucléaires devraient être irréversibles."),
    ("arms_transfers", "fr", "L'armement des milices par des pays voisins se poursuit.",
     "Il faut plus de transparence sur les programmes d'armement nucléaire."),
    ("peacekeeping", "fr", "Les casques bleus contribuent au maintien de la paix.",
     "Les organisations régionales contribuent au maintien de la paix et de la sécurité, pourvu que."),
    ("economic_sanctions", "fr", "Le Conseil a décidé de sanctionner le régime par un gel des avoirs.",
     "Les mesures disciplinaires prises pour sanctionner des actes répréhensibles."),
    ("economic_sanctions", "en", "The Council imposed sanctions on the regime.",
     "Sanctions for misconduct were imposed on the official."),
    ("conflict", "fr", "La guerre a fait des milliers de morts.", "Des avions de guerre ont largué une bombe sur l'école."),
    ("conflict", "fr", "La guerre a repris dans le nord.", "Un navire de guerre a fait escale au port."),
    ("war_crimes", "en", "The Tribunal tried those accused of genocide in Rwanda.",
     "They appeared before the judges of the International Tribunal for the Law of the Sea in Hamburg."),
    ("war_crimes", "en", "Croatia will cooperate with the Tribunal.", "Before the tribunal of history they will accuse us."),
    ("war_crimes", "en", "A tribunal to try members of the Khmer Rouge was set up.",
     "The supreme electoral tribunal will hold a vote."),
    ("war_crimes", "en", "The International Criminal Tribunal for the former Yugoslavia closed.",
     "Deliberations of the International Tribunal for the Law of the Sea took place."),
    ("war_crimes", "fr", "Le transfert des pratiques des tribunaux pénaux internationaux aux juridictions nationales.",
     "Les tribunaux de commerce ont rendu leurs décisions."),
    ("war_crimes", "fr", "Le Tribunal pénal international pour le Rwanda a fermé ses portes.",
     "Le Tribunal international du droit de la mer a rendu son arrêt."),
]

tagged, test_theme_with_and_without = twin_tests(CASES)

package io.taskforce.messages.check;

import java.util.List;

/**
 * The faults of crisis response that the crisis-communication firm lists (the "seven deadly sins" in
 * shared/reference), plus speculation, each recognised by typical French and English wording. The lists are a
 * starting point the consultants extend; the check only ever warns.
 */
final class CrisisFaults {

    private CrisisFaults() {
    }

    static List<CheckRule> rules() {
        return List.of(
                new PhraseRule("scapegoating",
                        List.of("la faute de", "à cause de notre sous-traitant", "à cause de notre prestataire",
                                "imputable à", "erreur humaine", "la responsabilité incombe", "notre fournisseur est responsable",
                                "un salarié isolé"),
                        List.of("the fault of", "because of our contractor", "because of our supplier", "human error",
                                "to blame", "our supplier is responsible", "a rogue employee", "attributable to")),
                new PhraseRule("no-comment",
                        List.of("pas de commentaire", "aucun commentaire", "sans commentaire", "nous ne ferons aucun commentaire",
                                "nous ne souhaitons pas nous exprimer", "nous ne communiquerons pas", "ne répondrons pas"),
                        List.of("no comment", "we decline to comment", "we will not comment", "we won't comment",
                                "we have nothing to say", "we will not respond")),
                new PhraseRule("arrogance",
                        List.of("nous n'avons rien à nous reprocher", "aucune erreur de notre part", "incident mineur",
                                "rien de grave", "il n'y a pas lieu de s'inquiéter", "comme toujours, nous", "nous sommes les meilleurs"),
                        List.of("we did nothing wrong", "no mistake on our part", "minor incident", "nothing serious",
                                "no reason to worry", "overreaction", "we are the best")),
                new PhraseRule("counter-fire",
                        List.of("nos concurrents", "d'autres ont fait pire", "les médias ont exagéré", "contrairement à d'autres",
                                "campagne orchestrée par"),
                        List.of("our competitors", "others have done worse", "the media exaggerated", "unlike others",
                                "campaign orchestrated by")),
                new PhraseRule("globalisation",
                        List.of("tout le secteur", "toute la profession", "tous les acteurs", "toute l'industrie",
                                "comme partout", "l'ensemble du marché", "tout le monde le fait"),
                        List.of("the whole industry", "the entire sector", "the whole sector", "industry-wide",
                                "everyone in the industry", "everybody does it", "across the market")),
                new PhraseRule("victimisation",
                        List.of("nous sommes les premières victimes", "nous sommes victimes", "nous sommes la cible",
                                "acharnement", "cabale", "chasse aux sorcières"),
                        List.of("we are the victims", "we are the real victims", "we are being targeted", "witch hunt",
                                "smear campaign", "we are under attack")),
                new PhraseRule("legalistic",
                        List.of("conformément à l'article", "au sens de l'article", "nos conditions générales",
                                "sous réserve de", "en application de", "dans le respect de la réglementation en vigueur",
                                "sans reconnaissance de responsabilité"),
                        List.of("pursuant to", "in accordance with article", "our terms of service", "without prejudice",
                                "hereinafter", "without admission of liability", "in compliance with applicable regulations")),
                new PhraseRule("speculation",
                        List.of("il semblerait", "probablement", "peut-être", "sans doute", "il est possible que",
                                "pourrait être dû", "nous supposons"),
                        List.of("probably", "it seems", "might have been", "possibly", "we assume", "may have been caused",
                                "we suspect")));
    }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallSessionDialog</name>
    <message>
        <source>Call session</source>
        <extracomment>Milliseconds between the last key typed in the notes and their saving. Seconds after a prompt closes (and after each key typed meanwhile) during which typing is not taken as session commands: the rest of a sentence typed into a prompt must not pause the session, open the notes or record an outcome. The session ended (its id); the summary was shown. The summary&apos;s &quot;See follow-ups&quot; was chosen. &quot;name — outcome&quot; of a call the server refused, while it waits for Retry. The prospect before the last call logged, and the notes typed (for Ctrl+Z). The queue position of the earlier prospect shown (Shift+Tab), or None. Until when (time.monotonic) typed keys are swallowed, after a prompt closed. What became of the last calendar file (shown with the recorded call).</extracomment>
        <translation>Session d&apos;appels</translation>
    </message>
    <message>
        <source>Pause (P)</source>
        <translation>Pause (P)</translation>
    </message>
    <message>
        <source>End (Esc)</source>
        <translation>Terminer (Échap)</translation>
    </message>
    <message>
        <source>Keys (F1)</source>
        <translation>Touches (F1)</translation>
    </message>
    <message>
        <source>Who to ask for</source>
        <translation>Qui demander</translation>
    </message>
    <message>
        <source>&amp;Notes (N) — saved as you type</source>
        <translation>&amp;Notes (N) — enregistrées au fil de la frappe</translation>
    </message>
    <message>
        <source>What they said, who to ask for next time… Esc goes back to the keys.</source>
        <translation>Ce qui a été dit, qui demander la prochaine fois… Échap revient aux touches.</translation>
    </message>
    <message>
        <source>Previous prospect (Shift+Tab)</source>
        <translation>Prospect précédent (Maj+Tab)</translation>
    </message>
    <message>
        <source>Back to the current prospect (Tab)</source>
        <translation>Retour au prospect en cours (Tab)</translation>
    </message>
    <message>
        <source>Undo last call (Ctrl+Z)</source>
        <translation>Annuler le dernier appel (Ctrl+Z)</translation>
    </message>
    <message>
        <source>This week:</source>
        <translation>Cette semaine :</translation>
    </message>
    <message>
        <source>Call session — {n} / {total}</source>
        <translation>Session d&apos;appels — {n} / {total}</translation>
    </message>
    <message>
        <source>{n} min left</source>
        <translation>encore {n} min</translation>
    </message>
    <message>
        <source>Time is up: finish this call; the session ends after it.</source>
        <translation>Le temps est écoulé : terminez cet appel ; la session s&apos;arrête ensuite.</translation>
    </message>
    <message>
        <source>Session: calls {calls} · reached {reached} · conversations {conv} · meetings {meetings}</source>
        <translation>Session : appels {calls} · joints {reached} · conversations {conv} · rendez-vous {meetings}</translation>
    </message>
    <message>
        <source>No number to dial: skip (S) or add one in the list.</source>
        <translation>Aucun numéro à composer : passez (S) ou ajoutez-en un dans la liste.</translation>
    </message>
    <message>
        <source>Not now: {why}. Skip (S) to move on.</source>
        <translation>Pas maintenant : {why}. Passez (S) pour continuer.</translation>
    </message>
    <message>
        <source>Call not recorded</source>
        <translation>Appel non enregistré</translation>
    </message>
    <message>
        <source>Recorded: {name} — {outcome}</source>
        <translation>Enregistré : {name} — {outcome}</translation>
    </message>
    <message>
        <source>The call to {name} was not saved: {reason}</source>
        <translation>L&apos;appel à {name} n&apos;a pas été enregistré : {reason}</translation>
    </message>
    <message>
        <source>their next action kept</source>
        <translation>sa prochaine action gardée</translation>
    </message>
    <message>
        <source>your next action not saved (server unreachable): theirs kept</source>
        <translation>votre prochaine action non enregistrée (serveur injoignable) : la sienne est gardée</translation>
    </message>
    <message>
        <source>your next action kept</source>
        <translation>votre prochaine action gardée</translation>
    </message>
    <message>
        <source>Not saved yet: {name} — {outcome}</source>
        <translation>Pas encore enregistré : {name} — {outcome}</translation>
    </message>
    <message>
        <source>Call not saved</source>
        <translation>Appel non enregistré</translation>
    </message>
    <message>
        <source>The call to {name} was not saved: the team server cannot be reached, and nothing of the call was written. Its outcome ({outcome}) and your notes are kept: retry once the server is back.</source>
        <translation>L’appel à {name} n’a pas été enregistré : le serveur d’équipe est injoignable, et rien de l’appel n’a été écrit. Son résultat ({outcome}) et vos notes sont gardés : réessayez quand le serveur sera de retour.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>Pas intéressé</translation>
    </message>
    <message>
        <source>Should {name} never be called again? Say yes if they asked not to be called: they will be left out of every queue.</source>
        <translation>Ne plus jamais appeler {name} ? Répondez oui si la personne a demandé à ne plus être appelée : elle sera exclue de toutes les files d&apos;appels.</translation>
    </message>
    <message>
        <source>Asked during a call</source>
        <translation>Demandé lors d&apos;un appel</translation>
    </message>
    <message>
        <source>Meeting: {name}</source>
        <translation>Rendez-vous : {name}</translation>
    </message>
    <message>
        <source>Calendar file not saved</source>
        <translation>Fichier d&apos;agenda non enregistré</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Le fichier n&apos;a pas pu être écrit : {reason}</translation>
    </message>
    <message>
        <source>Calendar file saved and opened: {path}</source>
        <translation>Fichier d&apos;agenda enregistré et ouvert : {path}</translation>
    </message>
    <message>
        <source>Calendar file saved: {path} (path copied; add it to your calendar)</source>
        <translation>Fichier d&apos;agenda enregistré : {path} (chemin copié ; ajoutez-le à votre agenda)</translation>
    </message>
    <message>
        <source>Last call taken back</source>
        <translation>Dernier appel annulé</translation>
    </message>
    <message>
        <source>Not taken back: the prospect was changed since this call, where the call changed it. Nothing was overwritten; change it by hand if needed.</source>
        <translation>Appel non annulé : le prospect a été modifié depuis cet appel, là où l’appel l’avait modifié. Rien n’a été écrasé ; si besoin, corrigez-le à la main.</translation>
    </message>
    <message>
        <source>No earlier prospect in this session</source>
        <translation>Pas de prospect plus tôt dans cette session</translation>
    </message>
    <message>
        <source>Looking back at {name} ({n} / {total}). Shift+Tab: further back; Tab or Esc: back to {current}.</source>
        <translation>Retour en arrière : {name} ({n} / {total}). Maj+Tab : plus loin ; Tab ou Échap : retour à {current}.</translation>
    </message>
    <message>
        <source>Skipped: {name}</source>
        <translation>Passé : {name}</translation>
    </message>
    <message>
        <source>Paused. Take a breath; press P to go on.</source>
        <translation>En pause. Respirez ; appuyez sur P pour reprendre.</translation>
    </message>
    <message>
        <source>Go on (P)</source>
        <translation>Reprendre (P)</translation>
    </message>
    <message>
        <source>Call session keys</source>
        <translation>Touches de la session d&apos;appels</translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation>Terminer la session ?</translation>
    </message>
    <message>
        <source>End this call session now? Everything recorded so far is kept.</source>
        <translation>Terminer cette session d&apos;appels maintenant ? Tout ce qui a été enregistré est conservé.</translation>
    </message>
    <message>
        <source>The team server cannot be reached, so this session cannot be ended now. Close its window anyway? Every call recorded so far is kept, and Prospection offers to resume the session once the server is back.</source>
        <translation>Le serveur d’équipe est injoignable : cette session ne peut pas être terminée maintenant. Fermer sa fenêtre quand même ? Tous les appels déjà enregistrés sont conservés, et Prospection proposera de reprendre la session au retour du serveur.</translation>
    </message>
    <message>
        <source>The notes typed since the server went away would be lost: Stay to keep them until it is back.</source>
        <translation>Les notes tapées depuis la perte du serveur seraient perdues : restez pour les garder jusqu’à son retour.</translation>
    </message>
    <message>
        <source>The call not saved yet would be lost ({call}): Stay and retry it once the server is back to keep it.</source>
        <translation>L’appel pas encore enregistré serait perdu ({call}) : restez, et réessayez au retour du serveur pour le garder.</translation>
    </message>
    <message>
        <source>The session cannot be ended now</source>
        <translation>La session ne peut pas être terminée maintenant</translation>
    </message>
    <message>
        <source>&amp;Close the window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Rester</translation>
    </message>
    <message>
        <source>Call not taken back</source>
        <translation>Appel non annulé</translation>
    </message>
</context>
</TS>

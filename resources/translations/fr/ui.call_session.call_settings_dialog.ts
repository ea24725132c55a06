<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallSettingsDialog</name>
    <message>
        <source>Call settings</source>
        <translation>Réglages des appels</translation>
    </message>
    <message>
        <source>When nobody answers, the prospect comes back in the queue a few working days later. After several unanswered calls in a row it is marked unreachable and leaves the cycle.</source>
        <translation>Quand personne ne répond, le prospect revient dans la file quelques jours ouvrés plus tard. Après plusieurs appels sans réponse d&apos;affilée, il est marqué injoignable et sort du cycle.</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> jours ouvrés</translation>
    </message>
    <message>
        <source>Call again &amp;after:</source>
        <translation>&amp;Rappeler après :</translation>
    </message>
    <message>
        <source>&amp;Unreachable after (unanswered calls):</source>
        <translation>&amp;Injoignable après (appels sans réponse) :</translation>
    </message>
    <message>
        <source>Retries and follow-ups are proposed within these hours on working days; for consumers, also within the legal calling hours.</source>
        <translation>Les relances et les suites sont proposées dans ces horaires, les jours ouvrés ; pour les particuliers, aussi dans les horaires d’appel légaux.</translation>
    </message>
    <message>
        <source>Working day &amp;starts at:</source>
        <translation>Journée de travail : &amp;début à</translation>
    </message>
    <message>
        <source>Working day &amp;ends at:</source>
        <translation>Journée de travail : &amp;fin à</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>La journée de travail doit finir après son début.</translation>
    </message>
</context>
</TS>

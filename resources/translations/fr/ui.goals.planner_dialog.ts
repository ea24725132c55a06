<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>PlannerDialog</name>
    <message>
        <source>How much must I prospect?</source>
        <translation>Combien dois-je prospecter&#xa0;?</translation>
    </message>
    <message>
        <source>Counted from your prospects at stage Client.</source>
        <translation>Comptés parmi vos prospects à l’étape Client.</translation>
    </message>
    <message>
        <source>%</source>
        <comment>percent sign after a number in a spin box</comment>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source>The share of clients you lose in a year (they close, move, or go elsewhere). 15% is a common figure for small businesses.</source>
        <translation>La part de clients perdus en un an (fermeture, départ, concurrence). 15&#xa0;% est un chiffre courant pour une petite entreprise.</translation>
    </message>
    <message>
        <source>New clients a year wanted on top of replacing losses.</source>
        <translation>Nouveaux clients par an voulus en plus du remplacement des pertes.</translation>
    </message>
    <message>
        <source>Weeks in the year you prospect (52 less leave).</source>
        <translation>Semaines de l’année où vous prospectez (52 moins les congés).</translation>
    </message>
    <message>
        <source>Your clients</source>
        <translation>Vos clients</translation>
    </message>
    <message>
        <source>Current &amp;clients:</source>
        <translation>Nombre de &amp;clients&#xa0;:</translation>
    </message>
    <message>
        <source>Their yearly revenue:</source>
        <translation>Leur chiffre d’affaires annuel&#xa0;:</translation>
    </message>
    <message>
        <source>Clients lost each &amp;year:</source>
        <translation>Clients perdus par a&amp;n&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Growth wanted (new clients a year):</source>
        <translation>Croissance &amp;voulue (nouveaux clients par an)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Working weeks a year:</source>
        <translation>&amp;Semaines travaillées par an&#xa0;:</translation>
    </message>
    <message>
        <source>Your funnel</source>
        <translation>Votre entonnoir</translation>
    </message>
    <message>
        <source>Rates are measured on your own calls of the last {days} days once there are {events} or more; until then, published benchmarks stand in. Type your own figure to replace any of them.</source>
        <translation>Les taux sont mesurés sur vos propres appels des {days} derniers jours dès qu’il y en a {events} ou plus&#xa0;; d’ici là, des chiffres publiés les remplacent. Tapez votre propre chiffre pour remplacer n’importe lequel.</translation>
    </message>
    <message>
        <source>What it takes</source>
        <translation>Ce qu’il faut</translation>
    </message>
    <message>
        <source>Portfolio risk</source>
        <translation>Risque du portefeuille</translation>
    </message>
    <message>
        <source>&amp;Apply as this week&apos;s targets</source>
        <translation>&amp;Appliquer comme objectifs de cette semaine</translation>
    </message>
    <message>
        <source>Sets this week&apos;s calls, reached, conversations and meetings targets.</source>
        <translation>Fixe les objectifs de la semaine en appels, personnes jointes, conversations et rendez-vous.</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>Back to the figures measured or saved</source>
        <translation>Revenir aux chiffres mesurés ou enregistrés</translation>
    </message>
    <message>
        <source>Measured: {successes} of {events} in the last {days} days</source>
        <translation>Mesuré&#xa0;: {successes} sur {events} ces {days} derniers jours</translation>
    </message>
    <message>
        <source>From your own calls.</source>
        <translation>D’après vos propres appels.</translation>
    </message>
    <message>
        <source>Your figure</source>
        <translation>Votre chiffre</translation>
    </message>
    <message>
        <source>Typed in by you; it stays until your own calls are enough to measure.</source>
        <translation>Saisi par vous&#xa0;; il reste tant que vos appels ne suffisent pas à mesurer.</translation>
    </message>
    <message>
        <source>Default (only {events} of {needed} events measured so far)</source>
        <translation>Par défaut (seulement {events} événements mesurés sur {needed} nécessaires)</translation>
    </message>
    <message>
        <source>{total} (clients with a revenue entered: {count})</source>
        <translation>{total} (clients dont le chiffre d’affaires est saisi&#xa0;: {count})</translation>
    </message>
    <message>
        <source>No plan: one of your rates is zero, so no number of calls gets there.</source>
        <translation>Pas de plan&#xa0;: un de vos taux est nul, aucun nombre d’appels n’y mène.</translation>
    </message>
    <message>
        <source>Each week: {calls} calls, {conversations} conversations, 1 meeting</source>
        <translation>Chaque semaine&#xa0;: {calls} appels, {conversations} conversations, 1 rendez-vous</translation>
    </message>
    <message>
        <source>Each week: {calls} calls, {conversations} conversations, {meetings} meetings</source>
        <translation>Chaque semaine&#xa0;: {calls} appels, {conversations} conversations, {meetings} rendez-vous</translation>
    </message>
    <message>
        <source>{clients} clients × {rate} lost a year = {result} to replace</source>
        <translation>{clients} clients × {rate} perdus par an = {result} à remplacer</translation>
    </message>
    <message>
        <source>{lost} to replace + {growth} growth = {result} new clients a year</source>
        <translation>{lost} à remplacer + {growth} de croissance = {result} nouveaux clients par an</translation>
    </message>
    <message>
        <source>{calls} calls ÷ {weeks} working weeks = &lt;b&gt;{result} calls a week&lt;/b&gt; (rounded up, as are the other weekly figures)</source>
        <translation>{calls} appels ÷ {weeks} semaines travaillées = &lt;b&gt;{result} appels par semaine&lt;/b&gt; (arrondi au-dessus, comme les autres chiffres hebdomadaires)</translation>
    </message>
    <message>
        <source>{value} new clients ÷ {rate} = {result} meetings a year</source>
        <translation>{value} nouveaux clients ÷ {rate} = {result} rendez-vous par an</translation>
    </message>
    <message>
        <source>{value} meetings ÷ {rate} = {result} conversations a year</source>
        <translation>{value} rendez-vous ÷ {rate} = {result} conversations par an</translation>
    </message>
    <message>
        <source>{value} conversations ÷ {rate} = {result} people reached a year</source>
        <translation>{value} conversations ÷ {rate} = {result} personnes jointes par an</translation>
    </message>
    <message>
        <source>{value} people reached ÷ {rate} = {result} calls a year</source>
        <translation>{value} personnes jointes ÷ {rate} = {result} appels par an</translation>
    </message>
    <message>
        <source>Enter your clients&apos; yearly revenue (in each client&apos;s record) to see how much your revenue depends on a few of them.</source>
        <translation>Saisissez le chiffre d’affaires annuel de vos clients (dans la fiche de chacun) pour voir combien votre chiffre dépend de quelques-uns.</translation>
    </message>
    <message>
        <source>Largest client: {share} of your revenue.</source>
        <translation>Premier client&#xa0;: {share} de votre chiffre d’affaires.</translation>
    </message>
    <message>
        <source>Three largest: {share}.</source>
        <translation>Trois premiers&#xa0;: {share}.</translation>
    </message>
    <message>
        <source>Concentration (Herfindahl index): {hhi} points of 10,000, as if you had {equivalent} clients of the same size.</source>
        <translation>Concentration (indice de Herfindahl)&#xa0;: {hhi} points sur 10 000, comme si vous aviez {equivalent} clients de même taille.</translation>
    </message>
    <message>
        <source>One client weighs more than {threshold} of your revenue: losing it would hurt. New clients spread that risk.</source>
        <translation>Un client pèse plus de {threshold} de votre chiffre d’affaires&#xa0;: le perdre ferait mal. De nouveaux clients répartissent ce risque.</translation>
    </message>
    <message>
        <source>Losing your largest client would take new clients to replace it: {clients}, about {weeks} weeks of prospecting at your current pace ({calls} calls a week).</source>
        <translation>Nouveaux clients qu’il faudrait pour remplacer votre premier client&#xa0;: {clients}, soit environ {weeks} semaines de prospection à votre rythme actuel ({calls} appels par semaine).</translation>
    </message>
    <message>
        <source>Losing your largest client would take new clients to replace it: {clients}. Log some calls to see how long that would take.</source>
        <translation>Nouveaux clients qu’il faudrait pour remplacer votre premier client&#xa0;: {clients}. Notez quelques appels pour voir combien de temps cela prendrait.</translation>
    </message>
    <message>
        <source>Clients without a yearly revenue entered: {count}.</source>
        <translation>Clients sans chiffre d’affaires annuel saisi&#xa0;: {count}.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>%</source>
        <comment>percent sign after a number in a spin box</comment>
        <translation>&#xa0;%</translation>
    </message>
</context>
</TS>

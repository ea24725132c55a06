<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>GoalLabels</name>
    <message>
        <source>Calls</source>
        <extracomment>lupdate finds the strings of calls to `translate(&quot;Context&quot;, &quot;text&quot;)`.</extracomment>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Joints</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>New clients</source>
        <translation>Nouveaux clients</translation>
    </message>
    <message>
        <source>Calls you placed this week.</source>
        <translation>Les appels que vous avez passés cette semaine.</translation>
    </message>
    <message>
        <source>Calls where someone answered (a gatekeeper counts, a wrong number does not).</source>
        <translation>Les appels où quelqu’un a répondu (un barrage compte, un faux numéro non).</translation>
    </message>
    <message>
        <source>Calls where you really spoke with the prospect: conversation, meeting booked, or not interested. &quot;Call back later&quot; is not one yet.</source>
        <translation>Les appels où vous avez vraiment parlé avec le prospect&#xa0;: conversation, rendez-vous pris ou pas intéressé. «&#xa0;Rappeler plus tard&#xa0;» n’en est pas encore une.</translation>
    </message>
    <message>
        <source>Meetings booked this week.</source>
        <translation>Les rendez-vous pris cette semaine.</translation>
    </message>
    <message>
        <source>Prospects who became clients this week.</source>
        <translation>Les prospects devenus clients cette semaine.</translation>
    </message>
    <message>
        <source>met</source>
        <translation>atteint</translation>
    </message>
    <message>
        <source>ahead</source>
        <translation>en avance</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>dans les temps</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>sans objectif</translation>
    </message>
    <message>
        <source>Calls that reach someone</source>
        <translation>Appels qui joignent quelqu’un</translation>
    </message>
    <message>
        <source>Reached who talk with you</source>
        <translation>Personnes jointes qui échangent avec vous</translation>
    </message>
    <message>
        <source>Conversations that book a meeting</source>
        <translation>Conversations qui donnent un rendez-vous</translation>
    </message>
    <message>
        <source>Meetings that become clients</source>
        <translation>Rendez-vous qui deviennent clients</translation>
    </message>
    <message>
        <source>Belkins 2025 cold-calling benchmarks, over 175,000 dials</source>
        <translation>Belkins 2025, référentiel de prospection téléphonique sur plus de 175 000 appels</translation>
    </message>
    <message>
        <source>{source}: 9.9% of dials reach someone.</source>
        <translation>{source}&#xa0;: 9,9&#xa0;% des appels joignent quelqu’un.</translation>
    </message>
    <message>
        <source>{source}: 58% of people reached become a conversation.</source>
        <translation>{source}&#xa0;: 58&#xa0;% des personnes jointes donnent une conversation.</translation>
    </message>
    <message>
        <source>{source}: 4.6% of conversations book a meeting.</source>
        <translation>{source}&#xa0;: 4,6&#xa0;% des conversations donnent un rendez-vous.</translation>
    </message>
    <message>
        <source>A rule of thumb, not a published benchmark: one meeting in five. Put your own figure.</source>
        <translation>Une règle empirique, pas un chiffre publié&#xa0;: un rendez-vous sur cinq. Mettez votre propre chiffre.</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>Barrage</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Faux numéro</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>Pas intéressé</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>Rappeler plus tard</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Rendez-vous pris</translation>
    </message>
    <message>
        <source>{number}%</source>
        <translation>{number}&#xa0;%</translation>
    </message>
    <message>
        <source>Week {number} · {first} – {last}</source>
        <translation>Semaine {number} · {first} – {last}</translation>
    </message>
    <message>
        <source>W{number}</source>
        <translation>S{number}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallSessionDialog</name>
    <message>
        <source>Call session</source>
        <extracomment>Milliseconds between the last key typed in the notes and their saving. The session ended (its id); the summary was shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who to ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes (N) — saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said, who to ask for next time… Esc goes back to the keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call session — {n} / {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up: finish this call; the session ends after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session: calls {calls} · reached {reached} · conversations {conv} · meetings {meetings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week: calls {c}/{ct} · conversations {v}/{vt} · meetings {m}/{mt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No number to dial: skip (S) or add one in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: {name} — {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should {name} never be called again? Say yes if they asked not to be called: they will be left out of every queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked during a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the meeting to your calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Take a breath; press P to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the next number (starts the timer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause, or go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write notes (Esc goes back to the keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 or ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call session keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this call session now? Everything recorded so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallSessionDialog</name>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Dial the next number (starts the timer)</source>
        <translation>Composer le numéro suivant (lance le chronomètre)</translation>
    </message>
    <message>
        <source>Skip this prospect</source>
        <translation>Passer ce prospect</translation>
    </message>
    <message>
        <source>Shift+Tab</source>
        <translation>Maj+Tab</translation>
    </message>
    <message>
        <source>Previous prospect</source>
        <translation>Prospect précédent</translation>
    </message>
    <message>
        <source>Pause, or go on</source>
        <translation>Faire une pause, ou reprendre</translation>
    </message>
    <message>
        <source>Write notes (Esc goes back to the keys)</source>
        <translation>Écrire des notes (Échap revient aux touches)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo last call</source>
        <translation>Annuler le dernier appel</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>End the session (asks first)</source>
        <translation>Terminer la session (avec confirmation)</translation>
    </message>
    <message>
        <source>F1 or ?</source>
        <translation>F1 ou ?</translation>
    </message>
    <message>
        <source>Show these keys</source>
        <translation>Afficher ces touches</translation>
    </message>
</context>
</TS>

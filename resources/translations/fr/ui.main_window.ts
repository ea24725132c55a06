<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>MainWindow</name>
    <message>
        <source>Prospection</source>
        <extracomment>Milliseconds between the last key typed in the search box and the query. At most this many selected rows are selected again after a reload. The prospect shown in the editor changed (its id, or 0 for none).</extracomment>
        <translation>Prospection</translation>
    </message>
    <message>
        <source>&amp;New prospect…</source>
        <extracomment>Layout settings of this data folder (a new folder starts with the defaults).</extracomment>
        <translation>&amp;Nouveau prospect…</translation>
    </message>
    <message>
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <source>+ Prospect</source>
        <translation>+ Prospect</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import prospects from a file</source>
        <translation>Importer des prospects depuis un fichier</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Language and phone region</source>
        <translation>Langue et pays des numéros de téléphone</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit Prospection</source>
        <translation>Quitter Prospection</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Search prospects, contacts, phones, emails, cities, notes</source>
        <translation>Rechercher prospects, contacts, téléphones, e-mails, villes, notes</translation>
    </message>
    <message>
        <source>&amp;Save prospect</source>
        <translation>&amp;Enregistrer le prospect</translation>
    </message>
    <message>
        <source>Save the prospect&apos;s changes</source>
        <translation>Enregistrer les modifications du prospect</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <source>&amp;Views sidebar</source>
        <translation>Panneau des &amp;vues</translation>
    </message>
    <message>
        <source>Show or hide the views</source>
        <translation>Afficher ou masquer les vues</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation>Relances prévues aujourd&apos;hui et en retard</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>En &amp;retard</translation>
    </message>
    <message>
        <source>&amp;New prospects</source>
        <translation>&amp;Nouveaux prospects</translation>
    </message>
    <message>
        <source>&amp;All prospects</source>
        <translation>&amp;Tous les prospects</translation>
    </message>
    <message>
        <source>&amp;Clear search and filters</source>
        <translation>&amp;Effacer la recherche et les filtres</translation>
    </message>
    <message>
        <source>Reset &amp;columns</source>
        <translation>Réinitialiser les &amp;colonnes</translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation>Aller à la &amp;liste</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Prospection</source>
        <translation>À &amp;propos de Prospection</translation>
    </message>
    <message>
        <source>&amp;Licences…</source>
        <translation>&amp;Licences…</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>&amp;Noter un appel…</translation>
    </message>
    <message>
        <source>Log a call, an email, a meeting or a note for this prospect</source>
        <translation>Noter un appel, un e-mail, un rendez-vous ou une note pour ce prospect</translation>
    </message>
    <message>
        <source>Add a &amp;contact…</source>
        <translation>Ajouter un &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Prospects</source>
        <translation>&amp;Prospects</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>Appel&amp;s</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Search names, contacts, phones, cities… ({keys})</source>
        <translation>Rechercher noms, contacts, téléphones, villes… ({keys})</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>about {shown}</source>
        <translation>environ {shown}</translation>
    </message>
    <message>
        <source>{shown} shown</source>
        <translation>{shown} affichés</translation>
    </message>
    <message>
        <source>{shown} shown / {total} prospects · {due} due today</source>
        <translation>{shown} affichés / {total} prospects · {due} à faire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>+ Add a prospect</source>
        <translation>+ Ajouter un prospect</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <source>Your prospect list is waiting for its first name</source>
        <translation>Votre liste de prospects attend son premier nom</translation>
    </message>
    <message>
        <source>Every client you have today started as a prospect. Add someone you would like to help, or import a list you already have: a spreadsheet or a CSV file.</source>
        <translation>Chacun de vos clients a d&apos;abord été un prospect. Ajoutez quelqu&apos;un que vous aimeriez aider, ou importez une liste que vous avez déjà : un tableur ou un fichier CSV.</translation>
    </message>
    <message>
        <source>Nobody matches, yet</source>
        <translation>Personne ne correspond, pour l&apos;instant</translation>
    </message>
    <message>
        <source>No prospect fits this search and these filters. Try fewer words, or show everyone again.</source>
        <translation>Aucun prospect ne correspond à cette recherche et à ces filtres. Essayez avec moins de mots, ou affichez à nouveau tout le monde.</translation>
    </message>
    <message>
        <source>Show all prospects</source>
        <translation>Afficher tous les prospects</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CopyOffer</name>
    <message>
        <source>There is no copy of the team&apos;s data on this computer to read meanwhile: one is made shortly after Prospection connects.</source>
        <extracomment>The user asked to read the copy. The copy offered (None: none, or the server is there).</extracomment>
        <translation>Aucune copie des données de l’équipe n’est présente sur cet ordinateur pour les consulter en attendant : elle est faite peu après la connexion de Prospection.</translation>
    </message>
    <message>
        <source>Show my &amp;copy from {when}</source>
        <translation>Afficher ma &amp;copie du {when}</translation>
    </message>
    <message>
        <source>Read your copy of the team&apos;s data in this window, every prospect, until the server answers again (nothing can be changed in it)</source>
        <translation>Consulter votre copie des données de l’équipe dans cette fenêtre, tous les prospects, jusqu’au retour du serveur (rien ne peut y être modifié)</translation>
    </message>
    <message>
        <source>A call session is open. Close it first: a call not saved yet stays on its screen until then, and the session can be resumed once the server is back.</source>
        <translation>Une session d’appels est ouverte. Fermez-la d’abord : un appel pas encore enregistré reste à son écran jusque-là, et la session pourra être reprise au retour du serveur.</translation>
    </message>
    <message>
        <source>Close “{title}” first: what it holds would be lost.</source>
        <translation>Fermez d’abord « {title} » : son contenu serait perdu.</translation>
    </message>
    <message>
        <source>Your copy is not shown yet</source>
        <translation>Votre copie n’est pas encore affichée</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The prospect you are editing is not in your copy (it was added after the copy was made), so your unsaved changes cannot come along: showing your copy would drop them. Keep editing to save them once the server answers.</source>
        <translation>Le prospect que vous modifiez n’est pas dans votre copie (il a été ajouté après elle) : vos modifications non enregistrées ne peuvent pas suivre, et afficher votre copie les abandonnerait. Continuez à modifier pour les enregistrer au retour du serveur.</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer à modifier</translation>
    </message>
    <message>
        <source>&amp;Drop them and show the copy</source>
        <translation>&amp;Les abandonner et afficher la copie</translation>
    </message>
</context>
</TS>

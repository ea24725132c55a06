<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Team server password</source>
        <translation>Mot de passe du serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Password for {address}:</source>
        <translation>Mot de passe pour {address} :</translation>
    </message>
    <message>
        <source>The server refused the previous password.</source>
        <translation>Le serveur a refusé le mot de passe précédent.</translation>
    </message>
    <message>
        <source>&amp;Remember it in the system keyring</source>
        <translation>&amp;Le retenir dans le trousseau du système</translation>
    </message>
    <message>
        <source>This computer has no system keyring: the password is asked at each start and never written to disk.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : le mot de passe est demandé à chaque démarrage et jamais écrit sur le disque.</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>This is not a team server address. It looks like postgresql+psycopg://user@host/database.</source>
        <translation>Ce n&apos;est pas une adresse de serveur d&apos;équipe. Elle ressemble à postgresql+psycopg://utilisateur@serveur/base.</translation>
    </message>
    <message>
        <source>The team server cannot be reached: it may be off, or the network is down.</source>
        <translation>Le serveur d&apos;équipe est injoignable : il est peut-être arrêté, ou le réseau est coupé.</translation>
    </message>
    <message>
        <source>The team server asks for a password.</source>
        <translation>Le serveur d&apos;équipe demande un mot de passe.</translation>
    </message>
    <message>
        <source>The team server refused the user name or the password.</source>
        <translation>Le serveur d&apos;équipe a refusé le nom d&apos;utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <source>The team server does not know this user name.</source>
        <translation>Le serveur d&apos;équipe ne connaît pas ce nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>The team server has no such database.</source>
        <translation>Le serveur d&apos;équipe n&apos;a pas cette base de données.</translation>
    </message>
    <message>
        <source>The secure connection (TLS) failed: the server does not offer it, or its certificate is not accepted.</source>
        <translation>La connexion sécurisée (TLS) a échoué : le serveur ne la propose pas, ou son certificat n&apos;est pas accepté.</translation>
    </message>
    <message>
        <source>This user may not do that on the team server.</source>
        <translation>Cet utilisateur n&apos;a pas le droit de faire cela sur le serveur d&apos;équipe.</translation>
    </message>
    <message>
        <source>The team database is empty: build it first (prospection-cli team init URL).</source>
        <translation>La base d&apos;équipe est vide : créez-la d&apos;abord (prospection-cli team init URL).</translation>
    </message>
    <message>
        <source>The team database holds tables that are not Prospection&apos;s: it was left untouched.</source>
        <translation>La base d&apos;équipe contient des tables qui ne sont pas celles de Prospection : elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The team database was built by a newer version of Prospection: install it.</source>
        <translation>La base d&apos;équipe a été créée par une version plus récente de Prospection : installez-la.</translation>
    </message>
    <message>
        <source>The team database already holds data: moving only fills an empty one. Nothing was copied.</source>
        <translation>La base d&apos;équipe contient déjà des données : le déplacement ne remplit qu&apos;une base vide. Rien n&apos;a été copié.</translation>
    </message>
    <message>
        <source>The team server cannot be used.</source>
        <translation>Le serveur d&apos;équipe ne peut pas être utilisé.</translation>
    </message>
    <message>
        <source>Give your name (or your email) in the team.</source>
        <translation>Indiquez votre nom (ou votre e-mail) dans l&apos;équipe.</translation>
    </message>
    <message>
        <source>A name has at most {count} characters.</source>
        <translation>Un nom compte au plus {count} caractères.</translation>
    </message>
    <message>
        <source>This email address is not valid.</source>
        <translation>Cette adresse e-mail n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>{email} is already another person&apos;s email.</source>
        <translation>{email} est déjà l&apos;e-mail d&apos;une autre personne.</translation>
    </message>
    <message>
        <source>Someone in the team is already called {name}.</source>
        <translation>Quelqu&apos;un dans l&apos;équipe s&apos;appelle déjà {name}.</translation>
    </message>
</context>
<context>
    <name>TeamProblemBox</name>
    <message>
        <source>The team server cannot be used</source>
        <translation>Le serveur d&apos;équipe ne peut pas être utilisé</translation>
    </message>
    <message>
        <source>Your local file is still on this computer.</source>
        <translation>Votre fichier local est toujours sur cet ordinateur.</translation>
    </message>
    <message>
        <source>There is no copy of the team&apos;s data on this computer to read meanwhile: one is made once Prospection has been connected to this server.</source>
        <translation>Aucune copie des données de l&apos;équipe n&apos;est présente sur cet ordinateur pour les consulter en attendant : elle est faite une fois Prospection connecté à ce serveur.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Open the &amp;local file</source>
        <translation>Ouvrir le fichier &amp;local</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>WhoAreYouDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>You are working on the team server {address}. Your name tells your colleagues who called whom; it is kept for the next starts.</source>
        <translation>Vous travaillez sur le serveur d&apos;équipe {address}. Votre nom indique à vos collègues qui a appelé qui ; il est conservé pour les prochains démarrages.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Your &amp;email (optional):</source>
        <translation>Votre &amp;e-mail (facultatif) :</translation>
    </message>
</context>
</TS>

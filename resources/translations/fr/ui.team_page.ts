<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TeamPage</name>
    <message>
        <source>Work as a team on a shared PostgreSQL server. Leave the address empty to work alone on this computer&apos;s file.</source>
        <translation>Travaillez en équipe sur un serveur PostgreSQL partagé. Laissez l&apos;adresse vide pour travailler seul sur le fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>Add ?sslmode=require to the address to insist on an encrypted connection</source>
        <translation>Ajoutez ?sslmode=require à l&apos;adresse pour exiger une connexion chiffrée</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur :</translation>
    </message>
    <message>
        <source>The login the server knows (its user@)</source>
        <translation>L&apos;identifiant connu du serveur (son user@)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, never in a file.</source>
        <translation>Le mot de passe est gardé dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>This computer has no system keyring: the password is not stored, it is asked at each start.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système : le mot de passe n&apos;est pas enregistré, il est demandé à chaque démarrage.</translation>
    </message>
    <message>
        <source>Who you are in the team: your calls and sessions carry this name</source>
        <translation>Qui vous êtes dans l&apos;équipe : vos appels et vos sessions portent ce nom</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Your &amp;email:</source>
        <translation>Votre e-&amp;mail :</translation>
    </message>
    <message>
        <source>Connected as: {name}</source>
        <translation>Connecté en tant que : {name}</translation>
    </message>
    <message>
        <source>Not connected to a team server: working on this computer&apos;s file.</source>
        <translation>Pas connecté à un serveur d&apos;équipe : travail sur le fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Use the &amp;local file</source>
        <translation>Utiliser le fichier &amp;local</translation>
    </message>
    <message>
        <source>&amp;Move my data to the team…</source>
        <translation>&amp;Déplacer mes données vers l&apos;équipe…</translation>
    </message>
    <message>
        <source>Copy this computer&apos;s prospects, calls and goals into the empty team database; this computer&apos;s file is left as it is</source>
        <translation>Copie les prospects, appels et objectifs de cet ordinateur dans la base d&apos;équipe vide ; le fichier de cet ordinateur reste tel quel</translation>
    </message>
    <message>
        <source>People in the team</source>
        <translation>Les personnes de l&apos;équipe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Change &amp;my name and email</source>
        <translation>Changer &amp;mon nom et mon e-mail</translation>
    </message>
    <message>
        <source>Use the name and email above for you in the team (your calls keep theirs)</source>
        <translation>Utiliser le nom et l&apos;e-mail ci-dessus pour vous dans l&apos;équipe (vos appels gardent les leurs)</translation>
    </message>
    <message>
        <source>A colleague&apos;s name</source>
        <translation>Le nom d&apos;un collègue</translation>
    </message>
    <message>
        <source>Their email (optional)</source>
        <translation>Son e-mail (facultatif)</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Prospects can be given to a colleague before they first connect; they are found by this name or email when they do</source>
        <translation>Des prospects peuvent être confiés à un collègue avant sa première connexion ; il est reconnu par ce nom ou cet e-mail quand il se connecte</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>{name} was added: prospects can be given to them now.</source>
        <translation>{name} a été ajouté(e) : des prospects peuvent lui être confiés dès maintenant.</translation>
    </message>
    <message>
        <source>You are now {name} in the team.</source>
        <translation>Vous êtes maintenant {name} dans l&apos;équipe.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address first.</source>
        <translation>Indiquez d&apos;abord l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>Détails : {details}</translation>
    </message>
    <message>
        <source>Connecting to {address}…</source>
        <translation>Connexion à {address}…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}, {count} prospects. Ready to use.</source>
        <translation>Connecté : PostgreSQL {version}, {count} prospects. Prêt à l&apos;emploi.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}. The team database is from an older version: it is updated when first opened.</source>
        <translation>Connecté : PostgreSQL {version}. La base d&apos;équipe vient d&apos;une version plus ancienne : elle est mise à jour à la première ouverture.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version}. The database is empty: Prospection builds it when you move your data there, or when it first opens it.</source>
        <translation>Connecté : PostgreSQL {version}. La base est vide : Prospection la crée quand vous y déplacez vos données, ou quand il l&apos;ouvre pour la première fois.</translation>
    </message>
    <message>
        <source>This email address is not valid.</source>
        <translation>Cette adresse e-mail n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>A name has at most {count} characters.</source>
        <translation>Un nom compte au plus {count} caractères.</translation>
    </message>
    <message>
        <source>Saved: Prospection uses this team server from its next start.</source>
        <translation>Enregistré : Prospection utilisera ce serveur d&apos;équipe à son prochain démarrage.</translation>
    </message>
    <message>
        <source>The password was not stored (no system keyring): it is asked at each start.</source>
        <translation>Le mot de passe n&apos;a pas été enregistré (pas de trousseau système) : il est demandé à chaque démarrage.</translation>
    </message>
    <message>
        <source>Prospection uses this computer&apos;s file from its next start.</source>
        <translation>Prospection utilisera le fichier de cet ordinateur à son prochain démarrage.</translation>
    </message>
    <message>
        <source>There is no local file to move.</source>
        <translation>Il n&apos;y a pas de fichier local à déplacer.</translation>
    </message>
    <message>
        <source>Move my data to the team</source>
        <translation>Déplacer mes données vers l&apos;équipe</translation>
    </message>
    <message>
        <source>Copy all the data of this computer&apos;s file into the team database {address}?

The team database must be empty. The copy is all or nothing, and this computer&apos;s file is left as it is.</source>
        <translation>Copier toutes les données du fichier de cet ordinateur dans la base d&apos;équipe {address} ?

La base d&apos;équipe doit être vide. La copie se fait en entier ou pas du tout, et le fichier de cet ordinateur reste tel quel.</translation>
    </message>
    <message>
        <source>Moving the data…</source>
        <translation>Déplacement des données…</translation>
    </message>
    <message>
        <source>Moved: {prospects} prospects, {activities} activities, {rows} rows in all; the counts match. This computer&apos;s file was left as it is.</source>
        <translation>Déplacé : {prospects} prospects, {activities} activités, {rows} lignes en tout ; les nombres concordent. Le fichier de cet ordinateur est resté tel quel.</translation>
    </message>
</context>
</TS>

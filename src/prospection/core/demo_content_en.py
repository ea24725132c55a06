"""The English vocabulary the demo draws from when the interface is in English.

Same shape as `demo_content` (the French one): British small businesses, invented.
Phone numbers come from the ranges Ofcom keeps for drama (020 7946 0xxx, 0113 496 0xxx,
0161 496 0xxx ...), emails from the reserved `.example` domain (RFC 2606), so that no
real person is ever called or mailed. The product the demo user sells: a management
suite for small businesses (quotes and invoices, planning, payment reminders, a
dashboard). A problem is written as a short phrase, then what it costs: the talk track
says the phrase ("we help businesses like yours with quotes that take two evenings").
"""

from __future__ import annotations

from prospection.core.demo_content import Sector

COUNTRY = "GB"
#: Numbers in each drama range: 0000 to 0999 after the area's prefix.
PHONE_POOL = 1000
#: "Ltd" goes after the name, never before it.
LEGAL_FORM_MAY_LEAD = False
#: French elides "de" before a vowel; English has nothing to elide.
ELIDE_DE = False


def phone_number(prefix: str, serial: int) -> tuple[str, str]:
    """A drama number of the area `prefix` ("0113 496"): its national text and E.164."""
    raw = f"{prefix} 0{serial:03d}"
    digits = raw.replace(" ", "")
    return raw, "+44" + digits[1:]


def _titles(*titles: str) -> tuple[tuple[str, str], ...]:
    """Job titles as (masculine, feminine) pairs: English titles are the same for both."""
    return tuple((title, title) for title in titles)


SECTORS: tuple[Sector, ...] = (
    Sector(
        tag="bakery",
        industry="Bakery",
        names=(
            "{nom}'s Bakery",
            "{prenom}'s Kitchen",
            "The {ville} Loaf",
            "{lieu} Street Bakehouse",
            "{nom} & Daughters",
        ),
        legal_forms=("Ltd",),
        sizes=("3 staff", "6 staff", "12 staff", "2 shops, 18 staff"),
        boss_titles=_titles("Owner, head baker"),
        other_titles=_titles("Shop manager"),
        pains=(
            "Coffee shop orders arriving by text, phone and on paper. Two were missed last month.",
            "Trade invoices written by hand on Sunday evenings. It takes three hours a week.",
            "Late payments from two school canteens. Cash is tight at the end of each month.",
            "A staff rota redone every week by phone. Swaps are agreed in the car park.",
        ),
        pitches=(
            "An online order form for coffee shops, linked to invoicing: no more missed orders, "
            "and the invoices go out on their own at the end of the month.",
            "Polite, automatic payment reminders: cash comes in without upsetting anyone.",
            "A shared rota on the phone: everyone sees their hours, swaps need no calls.",
        ),
        weight=3,
    ),
    Sector(
        tag="joinery",
        industry="Joinery and fit-out",
        names=("{nom} Joinery", "{nom} Woodworks", "{nom} Interiors", "{mot} Joinery"),
        legal_forms=("Ltd",),
        sizes=("4 staff", "9 staff", "15 staff"),
        boss_titles=_titles("Director", "Owner, joiner"),
        other_titles=(
            ("Workshop foreman", "Workshop manager"),
            ("Office manager", "Office manager"),
        ),
        pains=(
            "Quotes that take two evenings a week. One in three is never followed up.",
            "Hours on each job not tracked. Nobody knows which jobs make money.",
            "Deposits forgotten on one job in five. The materials are paid for up front.",
        ),
        pitches=(
            "Quotes in ten minutes from templates, with a reminder at day 7: more quotes "
            "signed without giving up the evenings.",
            "Hours logged on the phone, job by job: each job's real margin, every week.",
            "The deposit asked for at signature, the final invoice in one click.",
        ),
        weight=3,
    ),
    Sector(
        tag="accountancy",
        industry="Accountancy practice",
        names=("{nom} & Co", "{nom} {nom2} Accountants", "{nom} Associates", "{ville} Tax"),
        legal_forms=("LLP", "Ltd"),
        sizes=("8 staff", "14 staff", "25 staff"),
        boss_titles=(
            ("Managing partner", "Managing partner"),
            ("Practice director", "Practice director"),
        ),
        other_titles=(
            ("Practice manager", "Practice manager"),
            ("Client manager", "Client manager"),
        ),
        pains=(
            "Client paperwork that arrives in a heap at month end. Staff chase it by email, one "
            "client at a time.",
            "One-off work that never gets billed. Nobody notices until the year end.",
            "Tradespeople clients asking for a simple quoting tool. The practice has nothing to "
            "recommend.",
        ),
        pitches=(
            "Your clients send their receipts as they go, from our app: far less chasing at "
            "month end.",
            "A quoting and invoicing tool to recommend to your trade clients, whose books "
            "reach you clean.",
        ),
        weight=2,
    ),
    Sector(
        tag="haulage",
        industry="Road haulage",
        names=("{nom} Haulage", "{nom} Logistics", "{ville} Express", "{nom} Freight"),
        legal_forms=("Ltd",),
        sizes=("12 staff, 9 lorries", "30 staff", "55 staff"),
        boss_titles=_titles("Managing director", "Owner"),
        other_titles=_titles("Transport manager", "Reception"),
        pains=(
            "Routes planned on a spreadsheet every evening. A lorry often runs half empty in "
            "the afternoon.",
            "Paper delivery notes that go missing. Invoicing waits for them.",
            "Diesel up 12% this year. Rates have not followed.",
        ),
        pitches=(
            "The invoice goes out as soon as the delivery is confirmed on the driver's phone: "
            "two weeks of cash flow gained.",
            "A dashboard per customer and per route, to renegotiate rates with figures.",
        ),
        weight=2,
    ),
    Sector(
        tag="web agency",
        industry="Web and design agency",
        names=("{mot} Studio", "{mot} Digital", "{mot} Creative", "Pixel {mot}"),
        legal_forms=("Ltd",),
        sizes=("3 people", "7 people", "16 people"),
        boss_titles=_titles("Founder", "Managing director"),
        other_titles=_titles("Project manager", "Office manager"),
        pains=(
            "Fixed-price projects that overrun unnoticed. It shows only at the end.",
            "Monthly maintenance billed by hand. Some months are forgotten.",
            "Three separate tools for time, quotes and invoices. Nothing matches up.",
        ),
        pitches=(
            "Time spent and budget sold side by side, project by project: an overrun shows "
            "at 80%, not at 130%.",
            "Maintenance plans invoiced automatically every month.",
        ),
        weight=2,
    ),
    Sector(
        tag="building",
        industry="Building contractor",
        names=("{nom} Builders", "{nom} Construction", "{ville} Building Services", "{nom} & Sons"),
        legal_forms=("Ltd",),
        sizes=("8 staff", "20 staff", "40 staff"),
        boss_titles=(
            ("Managing director", "Managing director"),
            ("Contracts director", "Contracts director"),
        ),
        other_titles=_titles("Site manager", "Estimator"),
        pains=(
            "Stage payments invoiced late. The cash gap lasts six weeks on every job.",
            "Variations agreed on site and never written down. They end up unpaid.",
            "Subcontractor hours tracked on paper timesheets. Errors every month.",
        ),
        pitches=(
            "Stage invoices ready the day a stage is signed off, from the site manager's phone.",
            "Variations noted and signed on site: they reach the invoice, every time.",
        ),
        weight=2,
    ),
    Sector(
        tag="restaurant",
        industry="Restaurant",
        names=("The {mot}", "{prenom}'s", "The {lieu} Kitchen", "{nom}'s Brasserie"),
        legal_forms=("Ltd",),
        sizes=("6 staff", "14 staff", "2 sites, 30 staff"),
        boss_titles=_titles("Owner", "General manager"),
        other_titles=(
            ("Head chef", "Head chef"),
            ("Front of house manager", "Front of house manager"),
        ),
        pains=(
            "A rota rebuilt every Sunday night. Last-minute swaps happen by text.",
            "Private party bookings handled by email. Deposits are sometimes forgotten.",
            "Supplier invoices piling up in a drawer. Nobody knows the food cost this month.",
        ),
        pitches=(
            "The rota on everyone's phone, swaps agreed in the app: Sunday nights back.",
            "A booking form for private parties that asks for the deposit: no more no-shows.",
        ),
        weight=2,
    ),
    Sector(
        tag="garage",
        industry="Car repair garage",
        names=("{nom} Motors", "{lieu} Garage", "{ville} Autocare", "{nom} Car Services"),
        legal_forms=("Ltd",),
        sizes=("4 staff", "8 staff", "15 staff"),
        boss_titles=_titles("Owner", "Workshop owner"),
        other_titles=_titles("Service adviser", "Reception"),
        pains=(
            "MOT reminders sent by hand, when someone remembers. Customers go elsewhere.",
            "Estimates given by phone and not written down. Disputes at collection.",
            "Fleet customers paying at 60 days. The parts are paid for at 30.",
        ),
        pitches=(
            "MOT and service reminders sent on their own: customers come back to you.",
            "Written estimates approved by text before work starts: no surprises at collection.",
        ),
        weight=2,
    ),
    Sector(
        tag="plumbing",
        industry="Plumbing and heating",
        names=("{nom} Plumbing", "{nom} Heating", "{ville} Boiler Services", "{nom} & Sons"),
        legal_forms=("Ltd",),
        sizes=("3 engineers", "7 engineers", "14 staff"),
        boss_titles=(
            ("Owner, Gas Safe engineer", "Owner, Gas Safe engineer"),
            ("Director", "Director"),
        ),
        other_titles=_titles("Office manager", "Senior engineer"),
        pains=(
            "Annual boiler services tracked in a diary. Half the reminders are never sent.",
            "Job sheets on paper that come back a week later. Invoices go out late.",
            "Call-outs squeezed in by phone. The engineers' day is redone three times.",
        ),
        pitches=(
            "Service reminders sent on their own each year: a steady, planned workload.",
            "The job sheet signed on the engineer's phone, the invoice sent before they "
            "leave the driveway.",
        ),
        weight=2,
    ),
    Sector(
        tag="lettings",
        industry="Lettings and estate agency",
        names=("{nom} Lettings", "{ville} Homes", "{nom} & {nom2} Estates", "{mot} Property"),
        legal_forms=("Ltd",),
        sizes=("5 staff", "11 staff", "3 branches, 24 staff"),
        boss_titles=_titles("Branch director", "Owner"),
        other_titles=_titles("Lettings manager", "Negotiator"),
        pains=(
            "Landlord statements prepared by hand each month. Two days of work.",
            "Contractor invoices matched to properties on a spreadsheet. Some are paid twice.",
        ),
        pitches=(
            "Landlord statements produced in one click at month end.",
            "Each contractor invoice tied to its property and job: paid once, on time.",
        ),
        weight=1,
    ),
    Sector(
        tag="cleaning",
        industry="Commercial cleaning",
        names=("{mot} Cleaning", "{ville} Cleaning Services", "{nom} Facilities", "Spotless {mot}"),
        legal_forms=("Ltd",),
        sizes=("15 staff", "40 staff", "90 staff"),
        boss_titles=(
            ("Managing director", "Managing director"),
            ("Operations director", "Operations director"),
        ),
        other_titles=_titles("Area supervisor", "Office manager"),
        pains=(
            "Cleaners' hours collected by text every Friday. Payroll takes a whole day.",
            "Contract renewals noticed too late. Two clients left without a conversation.",
        ),
        pitches=(
            "Hours clocked on site from the phone: payroll ready on Friday afternoon.",
            "Every contract's renewal date on the dashboard, three months ahead.",
        ),
        weight=1,
    ),
    Sector(
        tag="architecture",
        industry="Architecture practice",
        names=("{nom} Architects", "{nom} {nom2} Architecture", "Studio {mot}", "{mot} Design"),
        legal_forms=("LLP", "Ltd"),
        sizes=("4 staff", "9 staff", "18 staff"),
        boss_titles=_titles("Principal architect", "Director"),
        other_titles=_titles("Practice manager", "Architect"),
        pains=(
            "Fee stages invoiced weeks after the work. Nobody tracks them.",
            "Time on each project kept in a spreadsheet. Fixed fees run over without warning.",
        ),
        pitches=(
            "Fee stages invoiced as soon as a stage is signed off.",
            "Time against fee for every project, every week: overruns seen early.",
        ),
        weight=1,
    ),
    Sector(
        tag="printing",
        industry="Printing",
        names=("{nom} Print", "{ville} Printers", "{mot} Press", "{nom} Print & Design"),
        legal_forms=("Ltd",),
        sizes=("5 staff", "12 staff", "22 staff"),
        boss_titles=_titles("Managing director", "Owner"),
        other_titles=(
            ("Production manager", "Production manager"),
            ("Account manager", "Account manager"),
        ),
        pains=(
            "Quotes redone from scratch for every job. Customers wait two days.",
            "Rush jobs squeezed in by phone. The schedule on the wall is always out of date.",
        ),
        pitches=(
            "Quotes from price grids in minutes: the customer has it while still on the phone.",
            "A shared production schedule, updated from the shop floor.",
        ),
        weight=1,
    ),
)

#: Words for names built on a common noun ("Harbour Studio", "Kestrel Digital").
WORDS: tuple[str, ...] = (
    "Horizon",
    "Compass",
    "Harbour",
    "Oakleaf",
    "Meridian",
    "Lantern",
    "Beacon",
    "Kestrel",
    "Willow",
    "Summit",
    "Anchor",
    "Foundry",
    "Bluebell",
    "Northstar",
    "Ember",
    "Juniper",
    "Heron",
    "Copper",
    "Granite",
    "Skylark",
)
#: Places for "{lieu} Garage", "The {lieu} Kitchen".
PLACES: tuple[str, ...] = (
    "Market",
    "Bridge",
    "Park",
    "Castle",
    "Mill",
    "Harbour",
    "Green",
    "Abbey",
    "Canal",
    "Station",
)

#: (city, postcode, the prefix of its area's Ofcom drama range).
CITIES: tuple[tuple[str, str, str], ...] = (
    ("London", "EC1V 2NX", "020 7946"),
    ("London", "SE1 7PB", "020 7946"),
    ("London", "N1 9GU", "020 7946"),
    ("Croydon", "CR0 1NX", "020 7946"),
    ("Leeds", "LS1 4AP", "0113 496"),
    ("Leeds", "LS11 5QN", "0113 496"),
    ("Sheffield", "S1 2HE", "0114 496"),
    ("Leicester", "LE1 6RR", "0116 496"),
    ("Bristol", "BS1 4DJ", "0117 496"),
    ("Bristol", "BS3 4AQ", "0117 496"),
    ("Reading", "RG1 1JX", "0118 496"),
    ("Wokingham", "RG40 1AP", "0118 496"),
    ("Birmingham", "B1 1BB", "0121 496"),
    ("Solihull", "B91 3QB", "0121 496"),
    ("Edinburgh", "EH1 1YZ", "0131 496"),
    ("Glasgow", "G1 1XQ", "0141 496"),
    ("Liverpool", "L1 8JQ", "0151 496"),
    ("Birkenhead", "CH41 2ZA", "0151 496"),
    ("Manchester", "M1 1AE", "0161 496"),
    ("Salford", "M3 6AP", "0161 496"),
    ("Stockport", "SK1 1EB", "0161 496"),
)

STREETS: tuple[str, ...] = (
    "High Street",
    "Station Road",
    "Church Lane",
    "Mill Road",
    "Victoria Street",
    "King Street",
    "Park Road",
    "Queen Street",
    "Market Place",
    "Albert Road",
    "Riverside Industrial Estate",
    "London Road",
    "Canal Street",
    "Chapel Lane",
    "Bridge Street",
    "Meadow Way",
)

FIRST_NAMES_F: tuple[str, ...] = (
    "Sarah",
    "Emma",
    "Claire",
    "Rachel",
    "Laura",
    "Hannah",
    "Sophie",
    "Amy",
    "Jessica",
    "Rebecca",
    "Priya",
    "Fiona",
    "Kate",
    "Lucy",
    "Helen",
    "Zoe",
    "Aisha",
    "Megan",
    "Joanne",
    "Olivia",
    "Chloe",
    "Niamh",
    "Grace",
    "Ellie",
)

FIRST_NAMES_M: tuple[str, ...] = (
    "James",
    "David",
    "Tom",
    "Daniel",
    "Mark",
    "Paul",
    "Andrew",
    "Chris",
    "Matthew",
    "Ben",
    "Rob",
    "Sam",
    "Gareth",
    "Ian",
    "Raj",
    "Liam",
    "Callum",
    "Owen",
    "Jack",
    "Harry",
    "Stuart",
    "Neil",
    "Kwame",
    "Alistair",
)

LAST_NAMES: tuple[str, ...] = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Wright",
    "Robinson",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Harris",
    "Lewis",
    "Hughes",
    "Edwards",
    "Turner",
    "Hill",
    "Moore",
    "Cooper",
    "Ward",
    "Morris",
    "King",
    "Watson",
    "Harrison",
    "Morgan",
    "Baker",
    "Young",
    "Allen",
    "Mitchell",
    "Anderson",
    "Campbell",
    "Kelly",
    "Carter",
    "Shaw",
    "Murphy",
    "Bell",
    "Bailey",
    "Parker",
    "Price",
    "Bennett",
    "Griffiths",
    "Cook",
    "Richardson",
    "Khan",
    "Ali",
    "Singh",
    "Begum",
    "Okafor",
    "Mensah",
    "Nowak",
    "O'Brien",
    "Reid",
    "Fraser",
    "MacLeod",
    "Stewart",
    "Ross",
    "Owen",
    "Pugh",
    "Rees",
    "Marsh",
    "Fletcher",
    "Chambers",
    "Holmes",
    "Barker",
    "Webb",
    "Lawson",
    "Hussain",
    "Chen",
    "Nguyen",
    "Doyle",
)

#: Gatekeepers answering the switchboard.
GATEKEEPER_TITLES: tuple[tuple[str, str], ...] = (
    ("Personal assistant", "Personal assistant"),
    ("Reception", "Reception"),
    ("Office administrator", "Office administrator"),
)

#: Tags beyond the sector's, and how many prospects in a hundred carry each.
EXTRA_TAGS: tuple[tuple[str, int], ...] = (
    ("referral", 6),
    ("trade show 2026", 8),
    ("multi-site", 5),
    ("budget 2027", 7),
    ("warm", 5),
)

#: Notes a call leaves, by outcome (as the user would type them).
CALL_NOTES: dict[str, tuple[str, ...]] = {
    "no_answer": ("", "", "Rang out.", "No answer, try in the morning."),
    "voicemail": (
        "Left a message, offered to call back Thursday.",
        "Voicemail: short message with my number.",
        "Answerphone. Will try early afternoon instead.",
    ),
    "gatekeeper": (
        "Reception: call after 2 pm, she is in meetings every morning.",
        "The PA took a message and suggested Tuesday.",
        "Switchboard: the owner is on a job, try around 5 pm.",
    ),
    "wrong_number": ("Number belongs to a private person, to correct.", "Number not in use."),
    "not_interested": (
        "No need for now, their own spreadsheet suits them. Don't push.",
        "Just signed with a competitor. Maybe in a year.",
        "Not interested: too small for a tool, all on paper and happy with it.",
    ),
    "call_back": (
        "Interested but flat out this week, asked me to call next week.",
        "In a meeting, call back Thursday late morning.",
        "Wants to talk to her business partner first, asked for a call back.",
    ),
    "conversation": (
        "Good chat: quotes are the real issue. Sent a brochure.",
        "Talked about payment reminders, £35k outstanding. Interested later on.",
        "Tried some software before, too complicated. Open to a short demo.",
        "The rota is their headache. Call back after the busy season.",
    ),
    "meeting_booked": (
        "Booked a 30-minute demo.",
        "Demo booked with the owner and their bookkeeper.",
        "Visit booked to see how they do their quotes today.",
    ),
}

MEETING_NOTES: tuple[str, ...] = (
    "Demo done: keen on quotes and reminders. Proposal to send.",
    "On-site visit, saw the workshop. Need confirmed, budget in the spring.",
    "Presented to the team: good questions about the rota. They asked for a proposal.",
)
EMAIL_NOTES_OUT: tuple[str, ...] = (
    "Sent the brochure with two sample quotes.",
    "Summary of our call and a link to the demo.",
    "Proposal sent.",
)
EMAIL_NOTES_IN: tuple[str, ...] = (
    "Reply: thanks for the brochure, questions about pricing.",
    "Asked how to import their customer list.",
)

#: Numbers typed as they came, which no parser can dial: kept and flagged.
UNPARSED_PHONES: tuple[str, str, str] = ("switchboard, ext. 214", "ask at reception", "07 .. (ask)")
CLIENT_REVIEW_PLACE = "At their premises"
CLIENT_REVIEW_NOTES = "Annual review: happy, asking about the planning module."
CLIENT_REVIEW_NEXT = "Annual review with the client"
NOT_A_FIT_NOTES = "Not a fit: business closed or too small for a tool."
PROPOSAL_WON_NOTES = "Proposal follow-up: they said yes, starting next month."
NEXT_RETRY = "Call again (no answer)"
NEXT_PROPOSAL = "Follow up on the proposal"
NEXT_GATEKEEPER = "Call again, as the switchboard advised"
FIND_NUMBER_NOTES = "Find another number (website, directory)."
NEXT_CALL_BACK = "Call back, as they asked"
NEXT_AFTER_BROCHURE = "Call back about the brochure"
NEXT_MEETING = "Meeting: demo"
MEETING_PLACES: tuple[str, ...] = ("At their premises", "Video call")
NEXT_AFTER_DEMO = "Get back in touch after the demo"
NEXT_FIRST_CALL = "First call: see how we can help"

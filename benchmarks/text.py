"""Plausible words for generated databases: names, questions, answers and journal entries.

Everything is built from the word lists and sentence templates below (written
for this file), drawn from the `random.Random` the caller passes, so the same
seed always gives the same text.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

COMPANY_FIRST = (
    "North",
    "Blue",
    "Bright",
    "Cedar",
    "Copper",
    "Harbor",
    "Iron",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Maple",
    "Meridian",
    "Nimbus",
    "Oak",
    "Orbit",
    "Pine",
    "Quarry",
    "Red",
    "River",
    "Sage",
    "Signal",
    "Silver",
    "Stone",
    "Summit",
    "Tide",
    "Vale",
    "Willow",
    "Atlas",
    "Beacon",
    "Canopy",
    "Delta",
    "Ember",
    "Fable",
    "Granite",
    "Helix",
    "Indigo",
)
COMPANY_SECOND = (
    "wind",
    "peak",
    "field",
    "works",
    "line",
    "stack",
    "bridge",
    "gate",
    "light",
    "yard",
    "path",
    "craft",
    "forge",
    "point",
    "wave",
    "grove",
)
COMPANY_SUFFIX = ("", "", "", " Labs", " Health", " Systems", " Analytics", " & Co", " Cloud")

ROLES = (
    "Backend developer",
    "Platform engineer",
    "Data analyst",
    "Product designer",
    "Site reliability engineer",
    "QA lead",
    "Frontend developer",
    "Data engineer",
    "Engineering manager",
    "Machine learning engineer",
    "Technical writer",
    "Security engineer",
    "Mobile developer",
    "Product manager",
    "Solutions architect",
    "Support engineer",
    "Full-stack developer",
    "Analytics engineer",
    "DevOps engineer",
    "UX researcher",
)
SOURCES = ("LinkedIn", "company site", "referral", "recruiter", "job board", "meetup", "")

FIRST_NAMES = (
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Femi",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kai",
    "Lena",
    "Marco",
    "Nadia",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tomas",
    "Uma",
    "Victor",
    "Wen",
    "Yara",
    "Zoe",
    "Amir",
    "Bea",
    "Carlos",
    "Dana",
    "Emil",
)
LAST_NAMES = (
    "Ruiz",
    "Cho",
    "Okafor",
    "Lindqvist",
    "Patel",
    "Moreau",
    "Kowalski",
    "Nguyen",
    "Haddad",
    "Silva",
    "Fischer",
    "Tanaka",
    "Brennan",
    "Osei",
    "Varga",
    "Ahmed",
    "Larsen",
    "Costa",
)

# Questions: templates with one slot each, and what fills it.
BEHAVIOURS = (
    "disagreed with your manager",
    "missed a deadline",
    "had to learn something fast",
    "gave difficult feedback",
    "received feedback you did not expect",
    "changed your mind after hearing a colleague out",
    "took over a project half way",
    "worked with someone you found hard to work with",
    "had to say no to a stakeholder",
    "made a mistake that reached users",
    "simplified something complicated",
    "led without being the manager",
    "handled several urgent things at once",
    "pushed back on a requirement",
    "mentored someone new",
    "improved a slow process",
    "dealt with an unclear brief",
    "had to rebuild trust with a team",
    "made a decision with too little data",
    "turned around a project that was going badly",
    "explained a technical problem to someone outside the team",
    "owned an incident",
    "persuaded people to try a new tool",
    "cut scope to ship on time",
)
SYSTEMS = (
    "a URL shortener",
    "a rate limiter",
    "a notification service",
    "a chat backend",
    "a search box with suggestions",
    "a metrics pipeline",
    "a feature flag service",
    "a booking system for a clinic",
    "an image upload service",
    "a job queue",
    "a leaderboard for a game",
    "a payments ledger",
    "an audit log",
    "a file sync tool",
    "a recommendations widget",
    "an email digest",
    "a dashboard for support tickets",
)
TOPICS = (
    "the difference between a process and a thread",
    "how an index speeds up a query",
    "what happens when you type a web address",
    "eventual consistency",
    "how you would test a flaky integration",
    "how you decide what to log",
    "optimistic and pessimistic locking",
    "how garbage collection affects latency",
    "how you review a pull request",
    "what makes an API easy to use",
    "how you would find a memory leak",
    "when you would not write a test",
    "how caching can go wrong",
    "how you estimate work",
    "what technical debt means to you",
)
# (template, what fills it, the kind of answer it wants)
QUESTION_TEMPLATES = (
    ("Tell me about a time you {}.", BEHAVIOURS, "story"),
    ("Describe a situation where you {}. What did you learn?", BEHAVIOURS, "story"),
    ("Give an example of when you {}.", BEHAVIOURS, "story"),
    ("How would you design {}?", SYSTEMS, "design"),
    ("Walk me through how you would scale {}.", SYSTEMS, "design"),
    ("What would you monitor in {}?", SYSTEMS, "design"),
    ("Can you explain {}?", TOPICS, "explain"),
    ("Talk me through {}.", TOPICS, "explain"),
)
PLAIN_QUESTIONS = (
    "Why do you want to work here?",
    "Where do you see yourself in three years?",
    "What is your biggest weakness?",
    "Why are you leaving your current role?",
    "What are you most proud of in your last job?",
    "What salary are you looking for?",
    "How do you handle stress?",
    "What do you do when you are stuck?",
    "What questions do you have for us?",
    "How would your colleagues describe you?",
)
# Tags by the kind of question: the first always, then perhaps one of the others.
KIND_TAGS = {
    "story": ("behavioural", "conflict", "leadership", "communication", "ownership"),
    "design": ("system design", "scaling", "databases", "architecture"),
    "explain": ("technical", "testing", "databases", "fundamentals"),
    "plain": ("career", "motivation", "culture", "salary"),
}

# Answers: the parts of a STAR story, and filler sentences for length.
SITUATIONS = (
    "At my last job our release process took most of a day and broke often.",
    "In my previous team the on-call rota was wearing everyone down.",
    "A client kept changing the scope of a project two weeks before launch.",
    "Our reports were built by hand every Monday and often had mistakes.",
    "When I joined, nobody owned the old billing service and it failed every month.",
    "We had two teams building almost the same feature without knowing it.",
    "A new colleague was struggling and had started to go quiet in meetings.",
    "Our main customer reported that the app had become slow on older phones.",
)
TASKS = (
    "I was asked to find out why and fix it without stopping other work.",
    "My job was to get it back on track and keep the client informed.",
    "I offered to take it on, because I had some context from an earlier project.",
    "I needed to agree a plan with people who did not report to me.",
    "The goal was to cut the time in half before the next quarter.",
)
ACTIONS = (
    "I started by measuring where the time actually went, instead of guessing.",
    "I wrote down the three options I saw and the cost of each, and shared them.",
    "I set up a short call every morning for two weeks so that nothing sat waiting.",
    "I paired with the people closest to the problem and asked a lot of questions.",
    "I split the work into small changes that could each be rolled back.",
    "I wrote a one-page plan and asked for objections before we began.",
    "I automated the slowest step first, because it was also the most error-prone.",
    "I listened first, then suggested we try one change for a sprint and review it.",
)
RESULTS = (
    "In the end the process took under an hour, and it has not broken since.",
    "We shipped on the original date, with a smaller but solid first version.",
    "The team adopted the approach, and two other teams copied it later.",
    "Complaints dropped sharply within a month, and I learnt to ask for data earlier.",
    "It was not perfect, but the client renewed and the relationship improved.",
    "Looking back, I would involve the wider team sooner; that was my lesson.",
)
ANSWER_FILLER = (
    "What I took from it is that small, visible steps build trust faster than big plans.",
    "I try to keep people informed even when there is nothing new to say.",
    "It taught me to write decisions down, so that nobody has to remember them.",
    "I also made sure the fix was documented so that the next person would not start over.",
    "If it happened again I would raise the risk earlier and more plainly.",
    "I think about the trade-off between speed now and cost later in every change I make.",
    "I checked in with the people affected afterwards to see whether it really helped.",
    "The key was being honest about what we did not know yet.",
    "I kept a short list of what we had tried, which saved us repeating ourselves.",
)
DESIGN_OPENINGS = (
    "I would start by asking who uses it and how much traffic to expect: that shapes the rest.",
    "Before drawing anything I would pin down the two or three things it must never get wrong.",
    "First I would agree on the requirements: what a first version needs, and what can wait.",
)
DESIGN_STEPS = (
    "Requests would go through a small stateless service, so we can add machines as load grows.",
    "The source of truth lives in a relational database, with a cache in front of the hot reads.",
    "Anything slow, like sending email, goes on a queue and is handled by workers.",
    "Each write carries an idempotency key, so a retry never does the work twice.",
    "I would partition the data by customer, which keeps most queries on one shard.",
    "Rate limits sit at the edge, per user and per key, with clear errors when they apply.",
    "Reads can be a little stale, so replicas handle most of them and the primary takes writes.",
    "Large files go to object storage, and the database only keeps a pointer and the metadata.",
)
DESIGN_CLOSINGS = (
    "For monitoring I would watch latency percentiles, error rates and queue depth, "
    "and alert on what users feel rather than on every cause.",
    "Then I would say what I would cut for a first version, and what I would add once we "
    "see how people use it.",
    "Finally I would walk through one failure, say the database going away, and what the "
    "user sees while it is down.",
)
EXPLAIN_OPENINGS = (
    "The short version is that it is a trade-off between speed and safety.",
    "I find it easiest to explain with an example from my last job.",
    "There is a textbook answer, and then there is what I have seen happen in practice.",
)
EXPLAIN_STEPS = (
    "In practice the cost only shows up under load, which is why it surprises people.",
    "The usual mistake is to add it everywhere at once instead of where it is measured to help.",
    "It works well until two things change the same data at the same moment.",
    "The fix we used was simple: measure first, change one thing, then measure again.",
    "Most of the time the boring, well-understood option is the right one.",
    "It helps to draw the flow of a single request from start to finish.",
)
TECH_FILLER = (
    "I would write that down as a decision, with the options we turned down and why.",
    "The numbers matter here, so I would do a rough estimate before choosing.",
    "If I were unsure I would say so, and explain how I would find out.",
    "I would also think about testing it, including what happens when a dependency is slow.",
    "Keeping it simple at first makes it much easier to change later.",
    "I would check the idea with the people who will run it, not only the people who build it.",
    "Security is easier to design in than to add later, so I would ask about it early.",
    "I would ask what already exists, because reusing a boring tool beats building a new one.",
    "A diagram with five boxes is usually enough to have the real conversation.",
    "I like to name the riskiest assumption and find a cheap way to test it first.",
    "Documentation can be short, but it should say why, not only what.",
    "Where the answer depends on the team, I would say that and give both sides.",
)
PLAIN_OPENINGS = (
    "I have thought about this a lot over the last few months.",
    "Let me answer with an example, because it says more than adjectives.",
    "I will keep it short and give you one real example.",
)
WENT_WRONG = (
    "I rambled and forgot to say what the result was.",
    "I went blank on the second part of the question.",
    "My example was too old; they wanted something recent.",
    "I talked about the team and never said what I did.",
    "I got the trade-offs mixed up under pressure.",
    "I did not ask any clarifying questions before starting.",
    "",
    "",
)

# The journal.
JOURNAL_OPENINGS = (
    "Slow start today.",
    "Woke up early and could not get back to sleep.",
    "A quieter day than I expected.",
    "Today felt long.",
    "Good energy this morning.",
    "Spent most of the day at the kitchen table.",
    "Rain all day, so I stayed in.",
    "Not much to report, and that is fine.",
    "I finally slept well.",
)
JOURNAL_MIDDLES = (
    "I sent two applications before lunch and then stopped, which felt right.",
    "I practised a few answers out loud and the second attempt was much better.",
    "Went for a long walk by the river to clear my head.",
    "I kept checking my inbox and had to put the phone in another room.",
    "Had coffee with an old colleague who reminded me how much I know.",
    "I rewrote my answer about conflict; it is shorter and clearer now.",
    "Cooked a proper dinner for the first time this week.",
    "Read about the company again and wrote down three questions to ask them.",
    "I noticed I was comparing myself to friends and tried to let it go.",
    "Spent an hour on a small side project just for fun.",
    "Made a list of what I actually want from the next job, and it was shorter than I thought.",
    "A recruiter called about a role that does not fit; I said no kindly.",
    "Went to the library to work, which helped me focus.",
    "Did the shopping and cleaned the flat, which felt like progress of a kind.",
    "Wrote a thank-you note and sent it before I could overthink it.",
    "Looked at my savings and the numbers are fine for a few more months.",
    "Spent the afternoon updating my portfolio with the project from last spring.",
    "Met a friend for lunch and we did not talk about work at all.",
    "Reread an old performance review and remembered what people valued in me.",
    "Practised the salary question with a friend; it is less awkward now.",
    "Took the evening off from everything job related.",
    "Found a meetup next week that looks worth going to.",
    "Tidied my notes from the last few interviews into one place.",
    "Called my sister, which always helps.",
    "I did a breathing exercise before the call and it took the edge off.",
    "The waiting is the hardest part; I keep inventing reasons for the silence.",
)
JOURNAL_CLOSINGS = (
    "Tomorrow I will take the morning off.",
    "Early night.",
    "One step at a time.",
    "I am more ready than I feel.",
    "Enough for today.",
    "Grateful for small wins.",
    "Going to leave the laptop closed this evening.",
    "Let us see what next week brings.",
)
INTERVIEW_THOUGHTS = (
    "The interview with {company} went better than I feared.",
    "I keep replaying one answer from the {company} interview.",
    "The people at {company} seemed kind, and the work sounds interesting.",
    "Still no word from {company}; the date they gave has not come yet.",
    "I sent the thank-you note to {company} and felt lighter afterwards.",
    "The {company} panel asked more about design than I expected.",
)
JOURNAL_TAGS = ("waiting", "practice", "rest", "applications", "interview", "gratitude", "sleep")


def company(rng: random.Random) -> str:
    suffix = rng.choice(COMPANY_SUFFIX)
    return f"{rng.choice(COMPANY_FIRST)}{rng.choice(COMPANY_SECOND)}{suffix}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def question(rng: random.Random) -> tuple[str, str]:
    """A question an interviewer might ask, and the kind of answer it wants."""
    if rng.random() < 0.08:
        return rng.choice(PLAIN_QUESTIONS), "plain"
    template, fillers, kind = rng.choice(QUESTION_TEMPLATES)
    return template.format(rng.choice(fillers)), kind


def tags(rng: random.Random, choices: Sequence[str], most: int) -> tuple[str, ...]:
    return tuple(sorted(set(rng.sample(choices, rng.randint(0, most)))))


def question_tags(rng: random.Random, kind: str) -> tuple[str, ...]:
    first, *others = KIND_TAGS[kind]
    return (first, *rng.sample(others, rng.randint(0, 1)))


def _fill(rng: random.Random, sentences: list[str], filler: Sequence[str], words: int) -> str:
    """`sentences`, then filler sentences (none twice until all are used) to about `words`."""
    count = sum(len(s.split()) for s in sentences)
    unused: list[str] = []
    while count < words:
        if not unused:
            unused = rng.sample(filler, len(filler))
        extra = unused.pop()
        sentences.append(extra)
        count += len(extra.split())
    return " ".join(sentences)


def answer(rng: random.Random, words: int, kind: str = "story") -> str:
    """A spoken answer of about `words` words, shaped for the kind of question."""
    if kind == "design":
        steps = rng.sample(DESIGN_STEPS, 3 if words > 60 else 2)
        said = [rng.choice(DESIGN_OPENINGS), *steps, rng.choice(DESIGN_CLOSINGS)]
        more = [step for step in DESIGN_STEPS if step not in steps]
        return _fill(rng, said, (*more, *TECH_FILLER), words)
    if kind == "explain":
        steps = rng.sample(EXPLAIN_STEPS, 2)
        more = [step for step in EXPLAIN_STEPS if step not in steps]
        return _fill(rng, [rng.choice(EXPLAIN_OPENINGS), *steps], (*more, *TECH_FILLER), words)
    story = [rng.choice(SITUATIONS), rng.choice(TASKS), rng.choice(ACTIONS)]
    if words > 60:
        story.append(rng.choice([a for a in ACTIONS if a != story[-1]]))
    story.append(rng.choice(RESULTS))
    if kind == "plain":
        story.insert(0, rng.choice(PLAIN_OPENINGS))
    return _fill(rng, story, ANSWER_FILLER, words)


def journal(rng: random.Random, words: int, company_name: str | None = None) -> str:
    """An evening's entry of about `words` words, in three paragraphs."""
    first = [rng.choice(JOURNAL_OPENINGS)]
    if company_name is not None:
        first.append(rng.choice(INTERVIEW_THOUGHTS).format(company=company_name))
    middles = rng.sample(JOURNAL_MIDDLES, len(JOURNAL_MIDDLES))
    half = len(middles) // 2
    body = _fill(rng, first, middles[:half], words // 2)
    rest = _fill(rng, [], middles[half:], words - len(body.split()) - 4)
    return f"{body}\n\n{rest}\n\n{rng.choice(JOURNAL_CLOSINGS)}"

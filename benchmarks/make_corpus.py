"""A deterministic corpus of synthetic news articles in Indonesian and English.

    python benchmarks/make_corpus.py corpus.jsonl --articles 10000

Actors come from pantau's knowledge base (countries with their names, demonyms and
capitals in each language, international organisations, people with their countries);
role words from the language packs' `roles.csv`; the sentences from the templates below,
written for this benchmark. Each article is one story about two actors: a title, a
dateline, paragraphs mixing events (some negated, some future), quotes with speech cues,
background sentences, and the odd "Baca juga" / "Read more" line for the cleaner.
The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
from dataclasses import dataclass
from importlib import resources

import yaml

DATA = resources.files("pantau") / "data"
LANGS = ("id", "en")

# -- templates: {A}/{B} actor phrases, {a_adj}/{b_adj} demonyms, {B_cap} B's capital,
# {day} a weekday phrase, {city} a city, {topic} a subject, {n} a number -----------------

EVENTS = {
    "en": [
        "{A} condemned {B} over {topic} on {day}.",
        "{A} accused {B} of violating the ceasefire near the border.",
        "{A} and {B} signed an agreement on {topic} in {city} on {day}.",
        "{A} met {B} in {city} on {day} to discuss {topic}.",
        "{A} threatened to impose sanctions on {B} over {topic}.",
        "{A} imposed new sanctions on {B} on {day}.",
        "{A} praised {B} for its role in {topic}.",
        "{A} summoned the {b_adj} ambassador on {day} to protest {topic}.",
        "{A} expelled two {b_adj} diplomats on {day}, citing {topic}.",
        "{A} called on {B} to resume talks on {topic}.",
        "{A} rejected a proposal from {B} on {topic}.",
        "{A} denied the accusations and called them baseless.",
        "{A} held talks with {B} on {topic} in {city}.",
        "{A} has not spoken with {B} since the election.",
        "{A} will visit {B} next week to discuss {topic}.",
        "{A} pledged to send humanitarian aid to {B} after the floods.",
        "{a_adj} troops fired on {b_adj} positions near the border on {day}.",
        "{A} offered to mediate between {B} and its neighbours.",
        "{A} warned {B} against any escalation over {topic}.",
        "{A} welcomed the decision by {B} to release the detained sailors.",
        "{A} recalled its ambassador from {B_cap} for consultations on {day}.",
        "{A} criticised {B} for its handling of {topic}.",
        "{A} demanded that {B} withdraw its forces from the disputed area.",
        "{A} agreed with {B} to expand cooperation on {topic}.",
    ],
    "id": [
        "{A} mengecam {B} atas {topic} pada {day}.",
        "{A} menuduh {B} melanggar gencatan senjata di dekat perbatasan.",
        "{A} dan {B} menandatangani perjanjian {topic} di {city} pada {day}.",
        "{A} bertemu dengan {B} di {city} pada {day} untuk membahas {topic}.",
        "{A} mengancam akan menjatuhkan sanksi terhadap {B} terkait {topic}.",
        "{A} menjatuhkan sanksi baru kepada {B} pada {day}.",
        "{A} memuji {B} atas perannya dalam {topic}.",
        "{A} memanggil duta besar {b_adj} pada {day} untuk memprotes {topic}.",
        "{A} mengusir dua diplomat {b_adj} pada {day} dengan alasan {topic}.",
        "{A} mendesak {B} untuk melanjutkan perundingan tentang {topic}.",
        "{A} menolak usulan {B} mengenai {topic}.",
        "{A} membantah tuduhan tersebut dan menyebutnya tidak berdasar.",
        "{A} mengadakan pembicaraan dengan {B} tentang {topic} di {city}.",
        "{A} belum pernah menelepon {B} sejak pemilihan umum.",
        "{A} akan mengunjungi {B} pekan depan untuk membahas {topic}.",
        "{A} berjanji mengirim bantuan kemanusiaan ke {B} setelah banjir.",
        "Tentara {a_adj} menembaki pos {b_adj} di dekat perbatasan pada {day}.",
        "{A} menawarkan diri menjadi penengah antara {B} dan negara tetangganya.",
        "{A} memperingatkan {B} agar tidak meningkatkan ketegangan soal {topic}.",
        "{A} menyambut baik keputusan {B} membebaskan para pelaut yang ditahan.",
        "{A} menarik duta besarnya dari {B_cap} untuk konsultasi pada {day}.",
        "{A} mengkritik {B} atas penanganan {topic}.",
        "{A} menuntut {B} menarik pasukannya dari wilayah sengketa.",
        "{A} sepakat dengan {B} untuk memperluas kerja sama {topic}.",
    ],
}

QUOTES = {
    "en": [
        "\"{quote},\" {P} told reporters in {city}.",
        "\"{quote},\" {P} said in a statement.",
        "{P} said: \"{quote}.\"",
        "\"{quote},\" the spokesman added.",
        "\"{quote},\" {P} said on {day}.",
    ],
    "id": [
        "“{quote},” kata {P} kepada wartawan di {city}.",
        "“{quote},” ujar {P} dalam keterangan tertulis.",
        "{P} mengatakan, “{quote}.”",
        "“{quote},” katanya.",
        "“{quote},” tegas {P} pada {day}.",
    ],
}

SAYINGS = {
    "en": ["We will not accept any violation of our sovereignty",
           "The door to dialogue remains open",
           "This is a grave breach of international law",
           "Our two countries share a long history of friendship",
           "We expect a clear answer within days",
           "Sanctions alone will not solve this crisis",
           "The talks were frank and constructive"],
    "id": ["Kami tidak akan menerima pelanggaran apa pun terhadap kedaulatan kami",
           "Pintu dialog tetap terbuka",
           "Ini adalah pelanggaran serius terhadap hukum internasional",
           "Kedua negara kita memiliki sejarah persahabatan yang panjang",
           "Kami menunggu jawaban yang jelas dalam beberapa hari",
           "Sanksi saja tidak akan menyelesaikan krisis ini",
           "Pembicaraan berlangsung terbuka dan konstruktif"],
}

BACKGROUND = {
    "en": ["Relations between the two countries have been strained since {year}.",
           "The dispute over {topic} has simmered for years.",
           "Analysts said the move could unsettle markets across the region.",
           "Oil prices rose {n} percent on {day} as traders weighed the news.",
           "The meeting was the first of its kind in {n} years.",
           "Officials declined to give further details.",
           "More than {n} people attended the ceremony in {city}.",
           "The foreign ministry is expected to issue a statement later this week."],
    "id": ["Hubungan kedua negara memburuk sejak {year}.",
           "Sengketa soal {topic} telah berlangsung bertahun-tahun.",
           "Pengamat menilai langkah itu dapat mengguncang pasar di kawasan.",
           "Harga minyak naik {n} persen pada {day} setelah kabar tersebut.",
           "Pertemuan itu merupakan yang pertama dalam {n} tahun terakhir.",
           "Para pejabat enggan memberikan keterangan lebih lanjut.",
           "Lebih dari {n} orang menghadiri upacara di {city}.",
           "Kementerian luar negeri dijadwalkan mengeluarkan pernyataan pekan ini."],
}

TOPICS = {
    "en": ["the maritime border", "fishing rights", "the nuclear programme", "trade tariffs",
           "the refugee crisis", "energy supplies", "the detained journalists",
           "climate finance", "the disputed islands", "the grain corridor"],
    "id": ["batas maritim", "hak penangkapan ikan", "program nuklir", "tarif perdagangan",
           "krisis pengungsi", "pasokan energi", "wartawan yang ditahan",
           "pendanaan iklim", "pulau-pulau sengketa", "koridor gandum"],
}

DAYS = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "id": ["hari Senin", "hari Selasa", "hari Rabu", "hari Kamis", "hari Jumat",
               "hari Sabtu", "hari Minggu"]}
SEE_ALSO = {"en": "Read more: {title}", "id": "Baca juga: {title}"}
ROLES = {"en": ["president", "prime minister", "foreign minister", "defence minister",
                "trade minister", "ambassador", "spokesman"],
         "id": ["presiden", "perdana menteri", "menteri luar negeri", "menteri pertahanan",
                "menteri perdagangan", "duta besar", "juru bicara"]}


@dataclass
class Country:
    code: str
    names: dict[str, str]
    adjectives: dict[str, str]
    capitals: dict[str, str]
    people: list[str]


def load_actors() -> tuple[list[Country], dict[str, list[str]], dict[str, list[str]]]:
    """Countries with names in both languages (and their people), IGO names, role words."""
    from pantau.packs import knowledge_base

    people: dict[str, list[str]] = {}
    for actor in knowledge_base().actors:
        if actor.kind == "person" and actor.country and " " in actor.name:
            people.setdefault(actor.country, []).append(actor.name)
    countries = []
    for rec in yaml.safe_load((DATA / "kb" / "countries.yaml").read_text(encoding="utf-8")):
        forms = {form: {lang: (rec.get(form) or {}).get(lang) or [] for lang in LANGS}
                 for form in ("names", "adjectives", "capitals")}
        if all(forms[f][lang] for f in forms for lang in LANGS) and rec["code"] in people:
            countries.append(Country(rec["code"], *({l: forms[f][l][0] for l in LANGS}
                                                    for f in ("names", "adjectives", "capitals")),
                                     sorted(people[rec["code"]])))
    igos: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for rec in yaml.safe_load((DATA / "kb" / "igos.yaml").read_text(encoding="utf-8")):
        if rec.get("kind") == "igo":
            for lang in LANGS:
                igos[lang].extend((rec.get("names") or {}).get(lang, [])[:1])
    return countries, igos, load_roles()


def load_roles() -> dict[str, list[str]]:
    """Role words of each pack that the templates use (checked against `roles.csv`)."""
    out = {}
    for lang in LANGS:
        with (DATA / "lang" / lang / "roles.csv").open(encoding="utf-8") as fh:
            known = {row["phrase"].lower() for row in csv.DictReader(fh)}
        out[lang] = [r for r in ROLES[lang] if r in known] or ROLES[lang]
    return out


class Writer:
    """Builds one article at a time from a seeded random generator."""

    def __init__(self, seed: int = 20240501):
        self.rng = random.Random(seed)
        self.countries, self.igos, self.roles = load_actors()

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def actor(self, lang: str, country: Country) -> str:
        """A phrase naming a country's government, a person of it, or the country."""
        kind = self.rng.random()
        role = self.pick(self.roles[lang])
        person = self.pick(country.people)
        if kind < 0.35:
            return (f"{role.title()} {country.adjectives['id']} {person}" if lang == "id"
                    else f"{country.adjectives['en']} {role.title()} {person}")
        if kind < 0.55:
            return person
        if kind < 0.7:
            return (f"Pemerintah {country.names['id']}" if lang == "id"
                    else f"the {country.adjectives['en']} government")
        if kind < 0.8 and self.igos[lang]:
            return self.pick(self.igos[lang])
        return country.names[lang]

    def fill(self, template: str, lang: str, a: Country, b: Country) -> str:
        values = {
            "A": self.actor(lang, a), "B": self.actor(lang, b),
            "a_adj": a.adjectives[lang], "b_adj": b.adjectives[lang], "B_cap": b.capitals[lang],
            "P": self.pick(a.people + b.people), "city": self.pick([a, b]).capitals[lang],
            "day": self.pick(DAYS[lang]), "topic": self.pick(TOPICS[lang]),
            "quote": self.pick(SAYINGS[lang]), "n": self.rng.randint(2, 90),
            "year": self.rng.randint(1990, 2020)}
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def sentence(self, lang: str, a: Country, b: Country) -> str:
        roll = self.rng.random()
        group = EVENTS if roll < 0.5 else QUOTES if roll < 0.7 else BACKGROUND
        return self.fill(self.pick(group[lang]), lang, a, b)

    def article(self, n: int) -> dict:
        lang = LANGS[self.rng.random() < 0.5]
        a, b = self.rng.sample(self.countries, 2)
        published = dt.date(2015, 1, 1) + dt.timedelta(days=self.rng.randrange(3650))
        title = self.fill(self.pick(EVENTS[lang]), lang, a, b).rstrip(".")
        dateline = f"{a.capitals[lang].upper()} - " if lang == "en" else f"{a.capitals[lang]}: "
        target = self.rng.randint(16, 26)
        paragraphs, count = [], 0
        while count < target:
            size = min(self.rng.randint(2, 4), target - count)
            paragraphs.append(" ".join(self.sentence(lang, a, b) for _ in range(size)))
            count += size
            if self.rng.random() < 0.08:
                other = self.fill(self.pick(EVENTS[lang]), lang, b, a).rstrip(".")
                paragraphs.append(SEE_ALSO[lang].format(title=other))
        paragraphs[0] = dateline + paragraphs[0]
        return {"id": f"bench-{n:06d}", "lang": lang, "published": published.isoformat(),
                "title": title, "url": f"https://news{n % 13}.example/{published:%Y/%m}/{n}",
                "source": f"news{n % 13}.example", "text": "\n".join([title, *paragraphs])}


def write_corpus(path, articles: int, seed: int = 20240501) -> dict:
    """Write `articles` JSONL lines to `path`; returns counts (articles, characters)."""
    writer, chars = Writer(seed), 0
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(articles):
            doc = writer.article(n)
            chars += len(doc["text"])
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return {"articles": articles, "chars": chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    print(write_corpus(args.path, args.articles, args.seed))


if __name__ == "__main__":
    main()

//! Builds `saves/yukos-affair.ron`, the multi-source worked example, from the six BBC News
//! articles in `assets/sources/yukos/`, with the same edits the app's panes make: sources
//! added and graded, then actors, stakes and risks, each quote found in its article's text.
//!
//! `cargo run -p briefing-core --example yukos_affair -- saves/yukos-affair.ron`
//!
//! A quote that is not in its article stops the build with its text, so the file never
//! holds evidence its sources do not say.

use briefing_core::anchor::evidence_for;
use briefing_core::import::import_file;
use briefing_core::model::{
    ActorKind, Confidence, Credibility, Edit, Id, Importance, ItemKind, ItemRef, ListField,
    Notebook, Reliability, Source, SourceField, TextField, TextIndex,
};
use briefing_core::storage::save_notebook;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/sources/yukos");

/// The sources in the order the events unfolded, with the grade given to each: BBC News
/// is usually reliable (B); reported facts probably true (2), the day-after speculation
/// about the buyer possibly true (3).
const SOURCES: [(&str, Reliability, u8); 6] = [
    ("us-to-rule-on-yukos-refuge-call.txt", Reliability::B, 2),
    ("mystery-surrounds-new-yukos-owner.txt", Reliability::B, 3),
    ("putin-backs-state-grab-for-yukos.txt", Reliability::B, 2),
    ("yukos-bankruptcy-not-us-matter.txt", Reliability::B, 2),
    ("china-had-role-in-yukos-split-up.txt", Reliability::B, 2),
    ("russian-oil-merger-excludes-yukos.txt", Reliability::B, 2),
];

/// An actor: name, kind, aliases, role, position, and quotes as (source number, text).
type ActorPlan = (
    &'static str,
    ActorKind,
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static [(usize, &'static str)],
);

const ACTORS: &[ActorPlan] = &[
    (
        "Yukos",
        ActorKind::Organisation,
        &[],
        "Russian oil company, forced to sell its main production unit",
        "Fights the sale through a US bankruptcy court and damages suits; says it is punished for its founder's politics",
        &[
            (
                1,
                "The Russian oil firm has filed for bankruptcy protection in the US in an attempt to halt the forced sale.",
            ),
            (
                2,
                "Yukos claims that it is being punished for the political ambitions of its founder, Mikhail Khodorkovsky",
            ),
            (
                4,
                "The company is also seeking $20bn in a separate US lawsuit against Rosneft and Gazprom for their role in the sale of Yugansk.",
            ),
        ],
    ),
    (
        "Russia",
        ActorKind::State,
        &["Kremlin", "Russian government", "Russian authorities"],
        "Tax claimant, seller at auction and owner of the buyer",
        "Takes Yuganskneftegas back into state hands while calling it a market sale",
        &[
            (
                1,
                "Russian prosecutors are forcing the sale of the firm's most lucrative asset Yuganskneftegas to help pay a $27bn (£14bn) back tax bill",
            ),
            (
                3,
                "\"Now the state, using market methods, is safeguarding its interests. I think this is quite normal,\"",
            ),
            (
                6,
                "Under the agreement, the state will get a controlling share of Gazprom in exchange for Rosneft.",
            ),
        ],
    ),
    (
        "Vladimir Putin",
        ActorKind::Person,
        &["Putin"],
        "President of Russia",
        "Defends the purchase as free-market and within a state company's rights",
        &[(
            3,
            "Vladimir Putin said it was quite within the rights of a state-owned company to ensure its interests were met.",
        )],
    ),
    (
        "Rosneft",
        ActorKind::Organisation,
        &[],
        "State-owned oil firm; bought Yugansk through Baikal",
        "Builds a \"balanced, national energy corporation\" around Yugansk",
        &[
            (3, "Rosneft bought 100% of Baikal Finance Group"),
            (
                5,
                "The announcements help to explain how Rosneft, a medium-sized, indebted, and relatively unknown firm, was able to finance its surprise purchase of Yugansk.",
            ),
            (
                6,
                "Yugansk, which was swallowed up by Rosneft late last year",
            ),
        ],
    ),
    (
        "Gazprom",
        ActorKind::Organisation,
        &[],
        "State gas monopoly, merging with Rosneft",
        "Expected buyer, kept out of the auction by the US injunction; gains state control and foreign investors",
        &[
            (
                2,
                "Gazprom had been expected to win the auction but is thought to have failed to get finance for the deal after a US court injunction barred it from taking part.",
            ),
            (
                3,
                "Gazprom, the company originally tipped to buy Yuganskneftegas, was banned from taking part in the auction by a US court injunction.",
            ),
            (
                6,
                "The merger of Russian gas giant Gazprom and oil firm Rosneft is to go ahead",
            ),
        ],
    ),
    (
        "Baikal Finance Group",
        ActorKind::Organisation,
        &["Baikal"],
        "Little-known shell company that won the auction",
        "A front whose owner was unknown until Rosneft bought it",
        &[
            (
                2,
                "Baikal Finance Group emerged as the auction winner, agreeing to pay 260.75bn roubles",
            ),
            (
                4,
                "It was bought for $9.4bn by a previously unknown group, which was in turn bought by state-controlled oil company Rosneft.",
            ),
        ],
    ),
    (
        "Mikhail Khodorkovsky",
        ActorKind::Person,
        &["Khodorkovsky"],
        "Yukos founder, in jail on fraud and tax evasion charges",
        "Says the sale destroyed Russia's most efficient oil company",
        &[
            (
                1,
                "was arrested in October last year on fraud and tax evasion charges and is still in jail",
            ),
            (
                2,
                "Russia's most efficient oil company has been destroyed,\" the Interfax news agency quoted Mr Khodorkovsky as saying via his lawyers.",
            ),
            (
                5,
                "Once the country's richest man, Mr Khodorkovsky is on trial for fraud and tax evasion.",
            ),
        ],
    ),
    (
        "Letitia Clark",
        ActorKind::Person,
        &["Judge Clark"],
        "US bankruptcy judge, Houston",
        "Enjoined the sale; still to rule on whether her court has jurisdiction",
        &[
            (
                1,
                "Judge Letitia Clark said the hearing would continue on Thursday",
            ),
            (
                4,
                "US bankruptcy judge Letitia Clark, who issued an injunction in December to try and prevent the Yugansk sale",
            ),
        ],
    ),
    (
        "China",
        ActorKind::State,
        &["Chinese"],
        "Lender behind the purchase",
        "Trades finance for long-term oil supplies",
        &[
            (
                5,
                "China lent Russia $6bn (£3.2bn) to help the Russian government renationalise the key Yuganskneftegas unit of oil group Yukos",
            ),
            (
                5,
                "The deal between Rosneft and CNPC is seen as part of China's desire to secure long-term oil supplies to feed its booming economy.",
            ),
        ],
    ),
    (
        "CNPC",
        ActorKind::Organisation,
        &[],
        "Chinese state oil company",
        "Prepaid Rosneft for oil rather than take a stake open to Yukos's litigation",
        &[(
            5,
            "The deal sees Rosneft receive $6bn in credits from China's CNPC.",
        )],
    ),
    (
        "Deutsche Bank",
        ActorKind::Organisation,
        &[],
        "Lender to Gazpromneft for the bid; sued by Yukos",
        "Challenges the US court's jurisdiction",
        &[(
            4,
            "The US court's jurisdiction has been challenged by Deutsche Bank and Gazpromneft",
        )],
    ),
    (
        "Menatep Group",
        ActorKind::Organisation,
        &["Menatep"],
        "Yukos's main shareholders, based in Gibraltar",
        "Takes Russia to court in Europe",
        &[
            (
                2,
                "Menatep, Yukos main shareholders' group, has also threatened legal action.",
            ),
            (
                4,
                "Yukos' parent company, the Gibraltar-based Menatep Group, is suing Russia in Europe for $28.3bn in financial damages.",
            ),
        ],
    ),
];

/// A stake: title, detail, importance, holders (actor names), quotes.
type StakePlan = (
    &'static str,
    &'static str,
    Importance,
    &'static [&'static str],
    &'static [(usize, &'static str)],
);

const STAKES: &[StakePlan] = &[
    (
        "Control of Yuganskneftegas",
        "Yukos's main production unit, most of its output and cash flow",
        Importance::High,
        &["Yukos", "Russia", "Rosneft", "Gazprom"],
        &[
            (2, "which accounts for 60% of its output"),
            (
                3,
                "Rosneft will now control about 16% of Russia's total crude oil output.",
            ),
            (
                6,
                "\"Yugansk is a heavy cashflow generator and would have been a much better asset for Gazprom,\"",
            ),
        ],
    ),
    (
        "State control of Russia's oil and gas",
        "The sale and the Gazprom-Rosneft merger bring a large part of the industry back under the state",
        Importance::High,
        &["Russia", "Rosneft", "Gazprom", "Vladimir Putin"],
        &[
            (
                1,
                "effectively bringing a large chunk of Russia's lucrative oil and gas industry back under state control",
            ),
            (
                3,
                "in a move that amounts to the renationalisation of a major chunk of Russia's booming oil industry",
            ),
        ],
    ),
    (
        "The reach of a US court over Russian assets",
        "Whether Chapter 11 in Houston can protect a Russian company's property",
        Importance::Medium,
        &["Yukos", "Letitia Clark", "Deutsche Bank"],
        &[
            (
                1,
                "US bankruptcy law gives worldwide jurisdiction over a debtor company's property",
            ),
            (
                4,
                "there was no treaty between the US and Russia to recognise the other's legal rulings",
            ),
            (3, "\"You cannot sue the Russian government,\""),
        ],
    ),
    (
        "China's long-term oil supply from Russia",
        "Credits for Rosneft repaid in oil over five to six years",
        Importance::Medium,
        &["China", "CNPC", "Rosneft"],
        &[(
            5,
            "Rosneft had signed a long-term oil supply deal with China",
        )],
    ),
    (
        "Foreign investors' access to Gazprom shares",
        "The merger opens Gazprom's shares to foreign traders once the state holds control",
        Importance::Low,
        &["Gazprom", "Russia"],
        &[(
            6,
            "The merger, backed by Russian authorities, will allow foreigners to trade in Gazprom shares.",
        )],
    ),
];

/// A risk: title, detail, likelihood, impact, horizon, indicators, actors, quotes.
type RiskPlan = (
    &'static str,
    &'static str,
    u8,
    u8,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [(usize, &'static str)],
);

const RISKS: &[RiskPlan] = &[
    (
        "Damages suits follow Rosneft and Gazprom abroad",
        "Yukos and Menatep pursue the buyers and Russia for $20bn and more",
        3,
        3,
        "1-3 years",
        &[
            "A US court accepts the $20bn claim",
            "Menatep's case in Europe is heard",
        ],
        &["Yukos", "Menatep Group", "Rosneft", "Gazprom"],
        &[
            (3, "It has said it will be seeking damages of $20bn."),
            (
                4,
                "The company is also seeking $20bn in a separate US lawsuit against Rosneft and Gazprom for their role in the sale of Yugansk.",
            ),
        ],
    ),
    (
        "Gazprom's foreign assets seized for contempt",
        "If a US court finds Gazprom took part in the auction despite the injunction",
        2,
        4,
        "6-12 months",
        &["Contempt motion against Gazprom filed in Houston"],
        &["Gazprom", "Letitia Clark"],
        &[(
            3,
            "If found in contempt of the US court order blocking the auction, Gazprom could face having foreign assets seized.",
        )],
    ),
    (
        "The US court declines jurisdiction",
        "Yukos loses the only forum it found willing to hear it",
        4,
        3,
        "weeks",
        &["Judge Clark's ruling on jurisdiction"],
        &["Yukos", "Letitia Clark", "Deutsche Bank"],
        &[
            (
                4,
                "Russian authorities do not have to abide by any US court decisions taken with regard to troubled oil giant Yukos",
            ),
            (
                1,
                "However, as the firm is based in Russia and has no significant US assets, lawyers are unsure of the outcome of the case.",
            ),
        ],
    ),
    (
        "Investors read the sale as a warning on property rights",
        "A politically motivated seizure deters foreign investment in Russian energy",
        3,
        4,
        "1-2 years",
        &[
            "Foreign bids for Russian energy assets",
            "Gazprom share demand after the merger",
        ],
        &["Russia", "China"],
        &[
            (
                5,
                "\"They understand property rights in Russia are not the most important rights, and they are more interested in guaranteeing supplies.\"",
            ),
            (
                1,
                "Many commentators believe the Russian government's aggressive pursuit of Yukos is a politically-motivated response to the political ambitions of its former chief executive",
            ),
        ],
    ),
    (
        "Yukos breaks up entirely",
        "Without Yugansk and with $27bn of tax claims, the rest of the company goes too",
        4,
        3,
        "1 year",
        &[
            "Further tax claims against Yukos",
            "Sale of other Yukos units",
        ],
        &["Yukos", "Russia"],
        &[(
            2,
            "many observers now say that the break up of the firm that accounts for 20% of Russia's oil output is inevitable",
        )],
    ),
];

const TITLE: &str = "Yukos: Russia takes back its oil";
const BOTTOM_LINE: &str = "Russia has returned Yukos's main production unit, Yuganskneftegas, to state control through a forced tax auction, a shell buyer and Rosneft, financed with Chinese credit. Yukos's US bankruptcy case will probably not reverse the sale, but its damages claims will follow Rosneft and Gazprom abroad.";

fn main() -> ExitCode {
    let out = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("saves/yukos-affair.ron"), PathBuf::from);
    match build().and_then(|nb| save_notebook(&out, &nb).map_err(|e| e.to_string())) {
        Ok(()) => {
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("yukos_affair: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The notebook, every change an `Edit` as the app makes it.
fn build() -> Result<Notebook, String> {
    let mut sources = Vec::new();
    for (file, ..) in SOURCES {
        let article = import_file(&Path::new(DIR).join(file)).map_err(|e| e.to_string())?;
        sources.push(article);
    }
    let mut nb = Notebook::new(sources.remove(0));
    for article in sources {
        let id = nb.allocate_id();
        apply(&mut nb, Edit::AddSource(Source::new(id, article)))?;
    }
    let ids: Vec<Id> = nb.sources.iter().map(|s| s.id).collect();
    for (&id, (_, reliability, credibility)) in ids.iter().zip(SOURCES) {
        let credibility = Credibility::new(credibility).ok_or("a credibility outside 1-6")?;
        apply(&mut nb, Edit::SetSourceGrade(id, reliability, credibility))?;
        apply(
            &mut nb,
            Edit::SetSourceMeta(id, SourceField::Publisher, "BBC News".to_owned()),
        )?;
    }
    apply(
        &mut nb,
        Edit::SetText(TextField::BriefTitle, TITLE.to_owned()),
    )?;
    apply(
        &mut nb,
        Edit::SetText(TextField::BottomLine, BOTTOM_LINE.to_owned()),
    )?;
    apply(&mut nb, Edit::SetBriefConfidence(Confidence::Moderate))?;

    for (name, kind, aliases, role, position, quotes) in ACTORS {
        let item = add_item(&mut nb, ItemKind::Actor, name, quotes)?;
        apply(&mut nb, Edit::SetActorKind(item.id, *kind))?;
        apply(
            &mut nb,
            Edit::SetText(TextField::ActorRole(item.id), role.to_string()),
        )?;
        apply(
            &mut nb,
            Edit::SetText(TextField::ActorPosition(item.id), position.to_string()),
        )?;
        for alias in *aliases {
            apply(
                &mut nb,
                Edit::AddListEntry(ListField::ActorAliases(item.id), alias.to_string()),
            )?;
        }
    }
    for (title, detail, importance, holders, quotes) in STAKES {
        let item = add_item(&mut nb, ItemKind::Stake, title, quotes)?;
        apply(
            &mut nb,
            Edit::SetText(TextField::StakeDetail(item.id), detail.to_string()),
        )?;
        apply(&mut nb, Edit::SetImportance(item.id, *importance))?;
        for holder in *holders {
            let actor = actor_id(&nb, holder)?;
            apply(
                &mut nb,
                Edit::ToggleStakeHolder {
                    stake: item.id,
                    actor,
                },
            )?;
        }
    }
    for (title, detail, likelihood, impact, horizon, indicators, actors, quotes) in RISKS {
        let item = add_item(&mut nb, ItemKind::Risk, title, quotes)?;
        apply(
            &mut nb,
            Edit::SetText(TextField::RiskDetail(item.id), detail.to_string()),
        )?;
        apply(&mut nb, Edit::SetLikelihood(item.id, *likelihood))?;
        apply(&mut nb, Edit::SetImpact(item.id, *impact))?;
        apply(
            &mut nb,
            Edit::SetRiskConfidence(item.id, Confidence::Moderate),
        )?;
        apply(
            &mut nb,
            Edit::SetText(TextField::RiskHorizon(item.id), horizon.to_string()),
        )?;
        for indicator in *indicators {
            apply(
                &mut nb,
                Edit::AddListEntry(ListField::RiskIndicators(item.id), indicator.to_string()),
            )?;
        }
        for actor in *actors {
            let actor = actor_id(&nb, actor)?;
            apply(
                &mut nb,
                Edit::ToggleRiskActor {
                    risk: item.id,
                    actor,
                },
            )?;
        }
    }
    Ok(nb)
}

/// A new item named `name` with each quote attached as evidence from its source.
fn add_item(
    nb: &mut Notebook,
    kind: ItemKind,
    name: &str,
    quotes: &[(usize, &str)],
) -> Result<ItemRef, String> {
    let id = nb.allocate_id();
    apply(
        nb,
        Edit::AddItem {
            kind,
            id,
            name: name.to_owned(),
            evidence: None,
        },
    )?;
    let item = ItemRef { kind, id };
    for &(number, quote) in quotes {
        let source = nb
            .sources
            .get(number - 1)
            .ok_or_else(|| format!("{name}: there is no source {number}"))?;
        let text = source.article.text.clone();
        let byte = text
            .find(quote)
            .ok_or_else(|| format!("{name}: source {number} does not say {quote:?}"))?;
        let start = text[..byte].chars().count();
        let end = start + quote.chars().count();
        let index = TextIndex::new(&text);
        let evidence = evidence_for(source.id, &text, &index, nb.allocate_id(), start, end);
        apply(nb, Edit::AttachEvidence(item, evidence))?;
    }
    Ok(item)
}

fn actor_id(nb: &Notebook, name: &str) -> Result<Id, String> {
    nb.actors
        .iter()
        .find(|a| a.name == name)
        .map(|a| a.id)
        .ok_or_else(|| format!("no actor named {name}"))
}

fn apply(nb: &mut Notebook, edit: Edit) -> Result<(), String> {
    edit.apply(nb).map_err(|e| e.to_string())
}

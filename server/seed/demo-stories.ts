import type { Section } from '../../src/domain/story/sections';
import type { StoryStatus } from '../../src/domain/story/status';

/** One block of a demo story's body. Inline links may be written as [text](https://example.org/...). */
export type DemoBlock =
  | { p: string } // a paragraph
  | { h2: string } // a subheading
  | { h3: string } // a minor subheading
  | { quote: string } // a blockquote (a pull quote or a quoted statement)
  | { list: string[] }; // a bulleted list

export interface DemoStory {
  status: StoryStatus;
  /** Which demo account is the story's author. */
  author: 'reporter' | 'editor' | 'chief_editor';
  headline: string;
  standfirst: string;
  /** The agency or staff byline, e.g. "Harbourline News Service". */
  byline: string;
  /** Upper case place name, without the colon, e.g. "KESTREL BAY". */
  dateline: string;
  section: Section;
  tags: string[];
  seoTitle: string;
  seoDescription: string;
  body: DemoBlock[];
}

/** Demo stories written for Newsdesk, in the shape of a wire story. */
export const DEMO_STORIES: DemoStory[] = [
  {
    status: 'published',
    author: 'editor',
    headline: 'Teskovia and Valmoria edge closer on river deal as foreign minister arrives for talks',
    standfirst:
      'Ilse Marrow will meet grain exporters in Port Alder before two days of negotiations in Dunmere over how much water each country may draw from the Sarn River.',
    byline: 'Harbourline News Service',
    dateline: 'PORT ALDER',
    section: 'world',
    tags: ['diplomacy', 'water', 'agriculture'],
    seoTitle: 'Teskovia and Valmoria edge closer on Sarn River deal',
    seoDescription:
      'Teskovian Foreign Minister Ilse Marrow arrives in Valmoria for talks on water rights, with a river monitoring agreement expected this week.',
    body: [
      {
        p: 'Teskovian Foreign Minister Ilse Marrow landed in the Valmorian port city of Port Alder on Tuesday, the most senior visitor from her country in six years, as the two neighbours try to settle a long-running quarrel over how much water each may take from the Sarn River.',
      },
      {
        p: 'Marrow is due to tour the grain terminals on the city’s north quay and meet exporters on Wednesday before travelling inland to the capital, Dunmere, for talks with her Valmorian counterpart, Teodor Vask.',
      },
      {
        p: 'The Sarn rises in the Teskovian highlands and irrigates roughly a third of Valmoria’s farmland. A hydroelectric dam completed upstream at Hollin Gorge two years ago cut the river’s summer flow by nearly a fifth, according to Valmorian government figures, and the dispute briefly led both capitals to recall their ambassadors.',
      },
      {
        p: 'Relations have thawed since a joint technical commission began meeting monthly last spring, and officials on both sides now speak of building a “framework” rather than managing a standoff.',
      },
      {
        p: '“Nobody expects a treaty to be signed this week, but the fact that ministers are sitting in the same room again is itself the news,” said Renata Okafor, a lecturer in water policy at the University of Dunmere.',
      },
      {
        p: 'Valmoria wants a guaranteed minimum flow during the July-to-September growing season, written into a binding agreement. Teskovia says the dam’s output is central to its plan to close its last two coal-fired power stations by the end of the decade.',
      },
      {
        p: 'A Teskovian foreign ministry spokesman, Pavel Dorn, said on Monday that his government was “ready to discuss seasonal release schedules” but would not accept “any arrangement that hands control of our infrastructure to a foreign capital.”',
      },
      { h2: 'Farmers ‘watching every word’' },
      {
        p: 'Along the lower Sarn, growers say the talks have come too late to help this year’s harvest, and many have already switched to crops that need less water.',
      },
      {
        p: '“We planted less barley this spring because we did not trust the river,” said Marek Holt, who farms 200 hectares outside the market town of Seddon. “If they agree something this week, we will believe it when we see the water.”',
      },
      {
        p: 'The Valmorian agriculture ministry estimates that last summer’s shortfall cost farmers about 140 million crowns in lost output, with orchards and vegetable growers hit hardest.',
      },
      {
        p: 'A [joint commission report](https://example.org/reports/sarn-river-commission) published in March proposed a shared network of gauges along the river, with flow readings released publicly every day so that neither side could dispute the figures.',
      },
      {
        p: 'Diplomats briefed on the preparations said the ministers could announce agreement on that monitoring network as early as Thursday, leaving the harder questions of minimum flow and compensation for a later round.',
      },
      {
        p: 'Speaking to reporters in Dunmere, Vask said he would welcome Marrow “as a neighbour, not an adversary,” adding: “The river has never cared where the border is.”',
      },
    ],
  },
  {
    status: 'published',
    author: 'reporter',
    headline: 'Brightmarket agrees to buy Halden Foods, pledging to keep town’s cannery open',
    standfirst:
      'The regional supermarket chain will pay 86 million crowns for the family-owned food processor, which employs 640 people in Halden.',
    byline: 'Newsdesk staff',
    dateline: 'HALDEN',
    section: 'business',
    tags: ['takeover', 'retail', 'jobs'],
    seoTitle: 'Brightmarket to buy Halden Foods for 86m crowns',
    seoDescription:
      'Supermarket chain Brightmarket agrees to buy Halden Foods and promises to keep the 90-year-old cannery and its 640 jobs for at least three years.',
    body: [
      {
        p: 'Brightmarket, the regional supermarket chain, said on Monday it had agreed to buy Halden Foods for 86 million crowns, ending months of uncertainty over the future of the town’s largest employer.',
      },
      {
        p: 'The deal, which still needs clearance from competition regulators, would bring the 90-year-old cannery and its two distribution depots under the control of a retailer that already sells most of what the plant produces.',
      },
      {
        p: 'Brightmarket chief executive Sunita Creel said the company would keep the Halden plant running and honour existing union agreements for at least three years.',
      },
      {
        p: '“Halden Foods makes the tins our customers reach for every week. Buying it is about securing that supply, not about shutting anything down,” Creel said at a briefing outside the factory gates.',
      },
      {
        p: 'Halden Foods has struggled since a sharp rise in the price of tinplate squeezed its margins last year. It reported a loss of 4.2 million crowns in its most recent financial year, its first in more than two decades.',
      },
      {
        p: 'The Aske family, which has owned the business since it was founded, put it up for sale in January after two attempts to raise fresh capital from outside investors failed.',
      },
      {
        p: '“My grandfather started this company with one boiler and a horse and cart. We wanted a buyer who would keep it in Halden, and we believe we have found one,” said the company’s chair, Lydia Aske.',
      },
      { h2: 'Union cautious as regulator prepares review' },
      {
        p: 'The Food and Allied Workers’ Union, which represents about 400 staff at the site, said it welcomed the commitment on jobs but wanted it set down in a formal agreement before the deal completes.',
      },
      {
        p: '“Three years is a start. Our members have mortgages that run for twenty-five,” said union organiser Tomas Breck.',
      },
      {
        p: 'The Regional Trade Practices Board said it would decide within 40 working days whether to open an in-depth inquiry. Analysts said Brightmarket’s share of the canned goods market, about 18 per cent, was unlikely to raise serious concerns.',
      },
      {
        p: 'Brightmarket shares rose 3.1 per cent on the [Eastern Exchange](https://example.org/markets/eastern-exchange) after the announcement, their biggest one-day gain since the spring.',
      },
      {
        p: 'Both companies said they expected the purchase to complete before the end of the year, subject to regulatory approval.',
      },
    ],
  },
  {
    status: 'approved',
    author: 'reporter',
    headline: 'Seagrass returns to Kestrel Bay a decade after sewage clean-up, survey finds',
    standfirst:
      'Divers mapped 38 hectares of new growth, a sign that cleaner water is letting one of the coast’s most important fish nurseries recover.',
    byline: 'Harbourline News Service',
    dateline: 'KESTREL BAY',
    section: 'science',
    tags: ['marine', 'environment', 'pollution'],
    seoTitle: 'Seagrass returns to Kestrel Bay after sewage clean-up',
    seoDescription:
      'A survey by the Kestrel Marine Institute found 38 hectares of eelgrass in the bay, up from under 3 hectares in 2014, after years of cleaner water.',
    body: [
      {
        p: 'Seagrass has returned to large stretches of Kestrel Bay for the first time in more than 20 years, marine scientists said on Thursday, crediting a decade-long effort to stop untreated sewage flowing into the water.',
      },
      {
        p: 'A survey by the Kestrel Marine Institute found 38 hectares of eelgrass growing across the bay’s shallow southern shelf, up from less than 3 hectares when the institute last mapped the area in 2014.',
      },
      {
        p: '“When we started diving here you could barely see your own hand. Now there are stretches where the meadow runs unbroken for almost a kilometre,” said Dr Hana Ferreira, the marine ecologist who led the survey.',
      },
      {
        p: 'Seagrass meadows shelter young fish, hold the seabed in place during storms and lock carbon into the sediment beneath them. They are also among the most threatened coastal habitats, and have been lost from many sheltered bays and estuaries over the past century.',
      },
      {
        p: 'Kestrel Bay’s meadows collapsed in the 1990s as the growing town discharged more wastewater into the sea. Nutrients in the sewage fed dense blooms of algae that blocked the sunlight the plants need to grow.',
      },
      {
        p: 'The local utility, Coastline Water, opened a new treatment works at Gull Point in 2015 and closed the last of six storm overflows into the bay four years later.',
      },
      { h2: 'Nursery for fish and seabirds' },
      {
        p: 'Local fishermen say they have noticed the difference. Ferreira’s team recorded juvenile bream and pollack sheltering among the leaves, along with cuttlefish eggs and, at one site, a pair of seahorses.',
      },
      {
        quote:
          '“The water did the work. All we had to do was stop poisoning it.” Dr Hana Ferreira, Kestrel Marine Institute',
      },
      {
        p: 'Other scientists urged caution. Oliver Tansy, a coastal ecologist at Northmoor University who was not involved in the survey, said a single good year was encouraging but did not yet amount to a trend, noting that a run of hot summers could still trigger die-offs.',
      },
      {
        p: '“Seagrass can come back quickly and vanish just as quickly. I would want to see three or four more years of data before calling this a recovery,” Tansy said.',
      },
      {
        p: 'The institute plans to sow seeds gathered from the new meadows in two neighbouring estuaries next spring, and has asked boat owners to use fixed moorings rather than dropping anchor over the beds.',
      },
      {
        p: 'The findings have been submitted to a peer-reviewed journal, the institute said.',
      },
    ],
  },
  {
    status: 'ready',
    author: 'reporter',
    headline: 'Millbrook council backs 1,200-home Riverside Fields plan after late-night vote',
    standfirst:
      'Councillors approved the scheme by 14 votes to 11, despite objections over traffic, drainage and the loss of the town’s oldest allotments.',
    byline: 'Newsdesk staff',
    dateline: 'MILLBROOK',
    section: 'politics',
    tags: ['housing', 'planning', 'local government'],
    seoTitle: 'Millbrook council approves 1,200-home Riverside Fields',
    seoDescription:
      'Millbrook councillors back the Riverside Fields housing scheme by 14 votes to 11 after a five-hour meeting. Campaigners vow to seek a review.',
    body: [
      {
        p: 'Millbrook’s town council approved plans for 1,200 new homes on the northern edge of the town shortly before midnight on Tuesday, after a five-hour meeting in which residents filled the public gallery and spilled into the corridor outside.',
      },
      {
        p: 'The Riverside Fields scheme, put forward by developer Kilnworth Homes on former farmland north of the railway line, passed by 14 votes to 11.',
      },
      {
        p: 'Council leader Miriam Osei said the town could not keep turning young families away. “We have 2,300 households on our waiting list and rents have gone up by a third in five years. Saying no is not a housing policy,” she said.',
      },
      {
        p: 'Under the conditions attached to the approval, the developer has agreed to:',
      },
      {
        list: [
          'Make 35 per cent of the homes affordable, including 180 for social rent',
          'Build a primary school and a doctors’ surgery before the 600th home is occupied',
          'Pay 4.5 million crowns towards widening the Station Road junction',
          'Move the Mill Lane allotments to a larger site within the development',
        ],
      },
      {
        p: 'Opponents, led by the Millbrook Green Belt Society, argued that the town’s roads and drainage were already at capacity and that the conditions would be hard to enforce once building had begun.',
      },
      {
        p: '“They have promised us a school and a surgery before. Last time the school arrived eight years late,” said the society’s chair, Gerald Pike, who spoke against the plan at the meeting.',
      },
      { h2: 'Allotment holders vow to fight on' },
      {
        p: 'Some of the strongest objections came from the 60 plot holders at Mill Lane, whose allotments have been worked continuously since the 1940s and would be built over in the scheme’s second phase.',
      },
      {
        p: '“You cannot move forty years of soil to a new field and call it the same thing,” said Ruth Amani, who has tended a plot there since 1991.',
      },
      {
        p: 'The council’s [planning committee report](https://example.org/millbrook/planning/riverside-fields) said the replacement site would be a fifth larger than the existing one and would have a mains water supply, which Mill Lane lacks.',
      },
      {
        p: 'Because the scheme exceeds 1,000 homes, it must now be referred to the regional planning inspectorate, which can choose to hold a public inquiry. Campaigners said they would ask it to do so.',
      },
      {
        p: 'Kilnworth Homes said in a statement that it welcomed the decision and hoped to start work on a first phase of 300 homes next spring.',
      },
    ],
  },
  {
    status: 'submitted',
    author: 'reporter',
    headline: 'Carraway Rovers clinch promotion with stoppage-time header',
    standfirst:
      'A header from 19-year-old Danny Ellery sealed a 2-1 win over Port Alder Athletic and a first return to the second division in 14 years.',
    byline: 'Harbourline News Service',
    dateline: 'CARRAWAY',
    section: 'sport',
    tags: ['football', 'promotion', 'carraway rovers'],
    seoTitle: 'Carraway Rovers promoted after late Ellery winner',
    seoDescription:
      'Danny Ellery’s stoppage-time header gives Carraway Rovers a 2-1 win over Port Alder Athletic and promotion to the second division.',
    body: [
      {
        p: 'Carraway Rovers won promotion to the second division on Saturday when teenage defender Danny Ellery headed in a corner deep into stoppage time to beat Port Alder Athletic 2-1 in front of a sell-out crowd at Quarry Lane.',
      },
      {
        p: 'The victory put Rovers five points clear of third-placed Wexton Town with one match left to play, enough to guarantee one of the two automatic promotion places.',
      },
      {
        p: 'Athletic had taken a 23rd-minute lead through Sol Brannigan, who curled a free kick over the wall, before Rovers captain Kieran Moss levelled from the penalty spot seven minutes after the interval.',
      },
      {
        p: '“I just shut my eyes and went for it. I don’t even remember it hitting my head,” said Ellery, who was making only his ninth league start.',
      },
      {
        p: 'Rovers manager Anna Dorsey said she had asked her players to stay patient. “I told them at half-time we had come too far to be nervous now. They kept playing, and they got their reward,” she said.',
      },
      { h2: 'From administration to the brink of the second tier' },
      {
        p: 'The result caps a remarkable turnaround for a club that came within days of folding in 2016, when it entered administration owing more than 3 million crowns to creditors.',
      },
      {
        p: 'A supporters’ trust bought the club the following year and has since cleared its debts, rebuilt the main stand and opened a youth academy that produced Ellery and four other members of the current squad.',
      },
      {
        p: '“Seven years ago we were rattling buckets outside the ground to pay the electricity bill,” said trust chair Colin Ashby. “Today is for everyone who put a coin in.”',
      },
      {
        p: 'Athletic manager Craig Fenn was left to rue a late lapse in concentration. “We gave away a corner we did not need to give away, and at this level you get punished,” he said.',
      },
      {
        p: 'Rovers finish their season at Wexton next Saturday and could still win the title if leaders Hollin United lose at home to Brackford.',
      },
    ],
  },
  {
    status: 'draft',
    author: 'reporter',
    headline: 'WORKING: Fenwick Playhouse to reopen in October after roof repairs',
    standfirst:
      'The 1920s theatre, shut for three years after rot was found in its roof, will stage its first show in the autumn, trustees say.',
    byline: 'Newsdesk staff',
    dateline: 'LOWER FENWICK',
    section: 'culture',
    tags: ['theatre', 'heritage'],
    seoTitle: 'Fenwick Playhouse to reopen in October',
    seoDescription:
      'The Fenwick Playhouse will reopen in October after a three-year, 2.8 million crown restoration of its roof and auditorium.',
    body: [
      {
        p: 'The Fenwick Playhouse will reopen in October after a three-year restoration costing 2.8 million crowns, its trustees said on Friday.',
      },
      {
        p: 'The theatre, built in 1924 as a cinema and converted to a playhouse in the 1950s, closed suddenly when surveyors found rot in the timbers supporting its roof.',
      },
      {
        p: '“People kept stopping me in the street to ask when the lights would come back on. Now I can finally give them a date,” said artistic director Priya Nandha.',
      },
      {
        p: 'Most of the money came from a regional heritage fund, with about 400,000 crowns raised by residents through concerts, sponsored walks and the sale of named seats.',
      },
      {
        p: 'The opening production will be a new play by a local writer, with full details of the autumn season due to be announced next month.',
      },
    ],
  },
];

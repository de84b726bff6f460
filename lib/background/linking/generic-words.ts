import { CALENDAR_WORDS, FILLER_WORDS, PUBLICATION_WORDS, ROLE_WORDS, UI_WORDS } from '../../shared/text/vocabulary.ts';
import { baseForms } from './word-forms.ts';

/**
 * The generic background: words that say nothing about what a text is about, whatever it is
 * about: everyday verbs, adjectives, adverbs and abstract nouns, the stock words of news reports
 * and of web pages around an article, and the commonest proper nouns. A collection of five
 * articles cannot tell which of its words are ordinary, so these lists do. A phrase needs at
 * least one word outside them, unless it is a capitalised name ("World Trade Organization").
 * Base forms, folded; `isGenericWord` also tries plurals and -ed/-ing/-ly forms.
 */
const ENGLISH = `
  amid despite regarding via toward meanwhile earlier moreover furthermore nevertheless whereas
  zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
  sixty seventy eighty ninety hundred thousand first second third fourth fifth tenth
  able accept access according account achieve achievement act action active activity actually
  add added addition additional address advance advanced age ago agree agreement ahead aim air
  allow almost alone along already although always among amount announce another answer anyone
  anything appear apply approach area argue around arrive ask attention available average away
  back bad base basic become began begin beginning behind believe benefit best better big bill
  bit body book bring brought build building built business buy call came care carry case cause
  center centre certain chance change character charge check child children choice choose city
  claim class clear clearly close come common community company complete concept concern
  condition consider continue control cost could country course cover create critical current
  currently cut data day deal decade decide decision deep deepen deliver describe design despite
  detail determine develop developed developing development die different difficult direction
  discuss discussion do done door down draw drive due during early easy economic economy edge
  effect effective effort either else end enough ensure enter entire environment especially
  establish even event ever every everyone everything evidence exactly example expand expect
  experience expert explain express extend face fact fail fall family far fast feel feeling felt
  field fight figure final finally find fine finish first focus follow force form former forward
  foster found free friend front full fully future gave general generally get give given global
  go goal going gone good got great greater ground group grow growing growth guy half hand happen
  hard head health hear heard help high highlight hit hold home hope hour however huge human idea
  identify image impact important improve include including increase increasingly indeed
  industry information inside instead interest international involve issue item job join just
  keep key kind knew know knowledge known land large largely last late later lead leader leading
  learn least leave left less let level life light like likely line list little live local long
  look lose loss lot love low made main mainly maintain major make making man manage many market
  matter may maybe mean measure meet meeting member mention method might mind minute miss model
  modern moment money month move much must name national natural near nearly necessary need
  network never new next nice night none note nothing notice now number offer office officer
  official often old once one open operation opportunity order organization organisation others
  outside overall own page paper part particular particularly partner party pass past pay people
  per percent perhaps period person picture piece place plan play player point policy political
  poor popular position possible potential power practice prepare present president pressure
  pretty prevent price private probably problem process produce product program programme
  progress project promote provide public purpose push put quality question quickly quite raise
  range rate rather reach ready real really reason receive recent recently record reduce region
  regional remain remember report represent require research resource respond response rest
  result return reveal right rise role room rule run said same saw say says school second
  section sector security see seek seem seen sell send sense series serious serve service set
  several shall share shared short show side sign significant significantly similar simple
  simply since single site situation size small social society someone something sometimes soon
  sort sound source space speak special specific spend stage stand standard start state
  statement stay step still stop story strategy street strong strengthen structure student study
  stuff subject success successful suggest support sure system table take taken talk task team
  tell term test thank thing think third though thought three thus time today together told
  took total toward towards tried true try turn two type under understand unit upon use used
  useful usually value various view voice wait walk want war watch water way week well went
  whether whole wide within without woman women word work worker world worth write writing wrong
  yeah year yes yet young
`;

/** Words that fill any news report, whatever it is about. */
const NEWS = `
  administration affair agenda aid analysis announcement annual attend billion boost bring
  campaign capacity challenge chief citizen climate collaboration commitment committee
  communication comprehensive conference connection cooperate cooperation council crisis culture
  cultural cyber debate declare democracy department digital diplomacy diplomatic director
  dozen economies efficiency election emerging energy engage enhance enhanced equipment exchange
  fair finance financial forum framework fund funding government governance growing hundred
  implement implementation improvement inclusive industrial infrastructure initiative
  innovation innovative institution integration internet investment joint launch law leadership
  legal market mechanism military million minister ministry mutual nation online opening
  organize participate participation partnership peace platform premier principle prosperity
  protection rapid reform regulation relation relationship representative responsible right
  risk secure senior sharing speech stability summit sustainable talks tech
  technical technological technology thousand trade transparent trillion trust vision vital
  welfare worldwide
`;

/** Words of web pages around an article: buttons, widgets, bylines. */
const WEB = `
  ago app article blog browser button caption click comment copyright credit download edit email
  feed headline homepage image login menu minute more newsletter photo photograph post posted
  privacy read related reply scroll search share site subscribe subscriber terms top update
  updated user video website
`;

/**
 * Proper nouns so frequent in news, or so often ordinary words ("china", "turkey"), that a page
 * naming one is not thereby about the collection: countries and demonyms that dominate
 * coverage, continents, world cities, months, and the commonest given names.
 */
const COMMON_NAMES = `
  africa african america american americans asia asian australia australian beijing berlin
  brazil britain british canada canadian china chinese england english europe european france
  french germany german india indian iran israel italy japan japanese korea korean london mexico
  moscow paris russia russian spain tokyo turkey ukraine washington york jordan chad georgia
  april june august christmas
  james john robert michael william david richard joseph thomas charles mary patricia jennifer
  linda elizabeth barbara susan jessica sarah karen daniel paul mark george peter
`;

/** Common words of Chinese news; Chinese words are not capitalised, so this is all the help they get. */
const CHINESE = `
  我们 他们 你们 这个 那个 一个 没有 可以 因为 所以 但是 如果 已经 进行 发展 合作 国际 全球
  中国 问题 工作 时候 表示 认为 记者 报道 新闻 文章 阅读 更多 分享 评论 点击 今年 去年 目前
  世界 国家 经济 社会 建设 推动 加强 重要 相关 方面 通过 提供
`;

function words(...lists: string[]): Set<string> {
  return new Set(lists.join(' ').split(/\s+/).filter(Boolean));
}

const NAMES = words(COMMON_NAMES);
const GENERIC = words(ENGLISH, NEWS, WEB, COMMON_NAMES, CHINESE);
for (const list of [UI_WORDS, FILLER_WORDS, PUBLICATION_WORDS, ROLE_WORDS, CALENDAR_WORDS]) {
  for (const word of list) GENERIC.add(word);
}

/** Whether a folded word, or its base form, is in the generic background. */
export function isGenericWord(folded: string): boolean {
  return baseForms(folded).some((form) => GENERIC.has(form));
}

/** Whether a match term is one of the common proper nouns ("china", "london", "john"). */
export function isCommonName(key: string): boolean {
  return NAMES.has(key);
}

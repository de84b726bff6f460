import { baseForms } from './word-forms.ts';
import { isGenericWord } from './generic-words.ts';

/**
 * Ordinary English: about 1,800 frequent words (drafted from word-frequency ranks of general
 * American prose, then pruned of specialist terms), in their base forms. Unlike the generic
 * words, these can carry a topic ("train station", "oil price"), but alone, or in a phrase seen
 * only once, they are too ordinary to mean the collection: "solid foundation", "explore
 * solutions". Proper nouns and function words are left out (see `STOP_WORDS`, `isCommonName`).
 */
const COMMON = new Set(
  `
  ability able abroad absence academic accept acceptance accomplished according account achieve
  achievement across act action active activity actual add addition additional address adequate
  administration administrative admitted adopted advance advantage advertising advice affairs
  afford afraid afternoon age agency agent ago agree agreement ahead aid air aircraft alive allow
  almost alone along already although always among amount analysis ancient anger angle angry animal
  announced annual another answer anxiety anybody anyone anything anyway anywhere apart apartment
  apparent appeal appear appearance application apply appointed approach appropriate approval
  approved approximately area argument arm around arranged arrangements arrived art article artist
  aside ask aspect assigned assignment assistance associated assume assumption assure atmosphere
  attack attempt attend attention attitude attractive audience author authority authorized
  automatic available average avoid award aware away baby back background bad bag balance ball band
  bank bar base basic basis battle beach bear beat beautiful beauty became become bed bedroom began
  begin begun behavior behind belief believe beneath benefit beside best better beyond big bill
  billion birds birth bit bitter black blind block blood blue board boat body bond book born bottle
  bottom bought bound box boy brain bread break breakfast breath bridge brief bright brilliant
  bring broad broke broken brother brought brush budget build built burden burned burning business
  busy buy call came camp campaign candidates capable capacity capital captain car care career
  careful carry case cast catch caught cause cell cent center central century certain chain chair
  chairman chamber chance change chapter character characteristic characteristics charge check
  chemical chest chief child childhood children choice choose chose chosen church circle
  circumstances citizens city civilization claim class clay clean clear climbed close closer cloth
  clouds coast coat code coffee cold collected collection college color column combination combined
  come comfort command comment commercial common communication community company comparable
  compared comparison competition complete completion complex components composed concentration
  concept concern concert conclusion concrete condition conduct conference confidence conflict
  confused confusion connection conscience conscious consider considerable considerably
  consideration consists constant construction consumer contact contain contemporary content
  continue continuous contract contrary contrast contribute contribution control conventional
  conversation conviction convinced cook cool cooperation copy core corner corporation correct
  corresponding cost count country couple course court cover create creation creative credit crisis
  critical criticism cross crowd cry cultural culture cup curious current curve customers cut daily
  dance danger dangerous dark darkness data date daughter day dead deal dear death decade decide
  decision declared deep deeper defense defined definite definition degree delivered demand deny
  depend dependent depth derived describe description design desire desk despite destroy
  destruction detail determination determine develop development device devoted dictionary die died
  difference different difficult difficulty dinner direct direction director dirt discover
  discovery discussed discussion disease display distance distinct distinction distinguished
  distribution district divided division doctor dog dollar domestic dominant done door double doubt
  downtown dozen drama dramatic draw drawn dream dress drew drink drive driven driver drop drove
  dry due dust duty earlier early ears earth ease easier easy eat economic economy edge editor
  editorial education educational effect effective efficiency effort eight either election electric
  electrical electronic element eleven else elsewhere emergency emotional emotions emphasis
  employed employees employment empty encourage end enemy energy engaged engine engineer enjoy
  enough enter entire entitled entrance environment equal equipment equivalent errors escape
  especially essential establish establishment estate estimate even event eventually ever every
  everybody everyone everything everywhere evidence evident evil exactly example excellent except
  exception excess exchange executive exercise exist existence expansion expect expense expensive
  experience experiment experimental experts explain explanation express expression extended
  extensive extent external extra extreme eye face facilities fact factor faculty fail failure fair
  faith fall familiar family famous far farm fashion fast fat father favor favorite fear feature
  fed feed feel feet fell fellow felt female fiction field fifteen fifth fifty fight figure file
  fill film final financial find fine finger finish fire firm first fit five fixed flat flesh
  flight floor flow flowers flying focus follow food foot force foreign forest forever forget
  forgotten form formal formation former formula forth forward fought found four fourth frame free
  freedom frequently fresh friend front full fully fun function fund fundamental funny furniture
  furthermore future gain game garden gas gate gave general generation get girl give given glad
  glance glass goal goes going gold golden gone good got government governor grace gradually grand
  grant grass gray great greater greatest green grew ground group grow grown growth guard guess
  guest guidance gun guy hair half hall hand handle handsome happen happy harbor hard hat hate head
  headquarters health hear heard heart heat heaven heavy held hell help hence hero high higher
  highest highway hill historical history hit hold hole home honest honor hope horse hospital hot
  hotel hour house however huge human humor hundred hung husband ice idea ideal identification
  identified identity illustrated image imagination imagine immediate impact importance important
  impossible impression impressive improve improvement inch incident include income increase indeed
  independence independent index indicate individual industrial industry inevitably influence
  information informed initial inner innocent inside insisted instance instant instead institution
  instrument insurance integration intellectual intelligence intended intense interest interference
  interior internal international interpretation introduced introduction investigation investment
  involved involves iron issue item job join joint joy judge judgment jury just justice keep kept
  key kid kill kind kitchen knees knew knife know knowledge known labor lack lady laid land
  language large larger largest last late later latter laughed law lawyer lay lead leader
  leadership leaned learn least leave led left leg legal legislation length less let letter level
  liberal liberty library lie life lifted light like limit line lips list listen literary
  literature little live load loan local located location long long-range longer look loose lose
  loss lost lot love low lower luck machine machinery mad made magazine magic mail main maintain
  maintenance major majority make man management manager mankind manner manufacturers many mark
  market marriage married mass master match material matter maximum may maybe mean meant measure
  measurements meat medical medium meet member membership memory men mental mention mere message
  met metal method middle might mile military milk million mind mine minimum minister minor minute
  missed mission mobile model modern moment money month mood moon moral moreover morning mostly
  mother motion motor mountains mounted mouth move movement much murder music musical must mystery
  name narrow nation national native natural nature near nearby necessary necessity neck need
  negative neighborhood neighbors neither neutral never nevertheless new newspaper next nice night
  nine nobody nodded none normal nose note nothing notice notion novel now number numerous object
  objective observations observed obtain obvious occasion occasionally occur odd offer office
  officer official often oil old older one onto open operate operation operator opinion opportunity
  opposed opposite opposition order ordinary organic organization organized origin original others
  otherwise outside outstanding pace page paid pain painted painting pair pale panels paper
  parallel parents park part participation particular party pass passage past path patient pattern
  pay payment peace people per percent percentage perfect performance perhaps period permanent
  permit person personal personality personnel phase philosophy phone physical pick picture piece
  pilot pink place plain plan plane plant platform play pleasant please pleasure plenty plus pocket
  point police policy political politics pool poor popular population portion position positive
  possibility possible possibly post potential pounds power powerful practical practice precisely
  precision preparation prepared presence present press pressure presumably pretty prevent previous
  price pride primary prime primitive principal principle prior prison private probably problem
  procedure process produce product production professional professor program progress project
  prominent promise proof proper property proposal proposed protection proud prove provide
  provision public publication published pull purchase pure purpose push put quality question quick
  quiet quite race radio rain raise ran random range rapid rare rate rather raw reach reaction read
  reader ready real reality realize rear reason reasonable recall receive recent reception
  recognition recognize recommended record recreation red reduce reduction reference referred
  reflected refused regard regardless region regional regular related relation relationship
  relative release relief religion religious remain remarkable remarks remember removal remove
  repeated replaced reply report represent representative request require requirements research
  reserve resistance resolution resources respect response responsibility responsible rest
  restaurant result return revealed review revolution rich ride right ring rise risk road rock rode
  role rolled roof room rose rough round route royal rule run rural safe safety said sake salary
  sale salt sample sat satisfactory save saw say scale scene scheduled school science scientific
  score screen sea search season seat second secret section security see seed seek seem seen
  selected selection self sell send sense sensitive sent separate series serious serve service
  session set settled seven several severe sex sexual shall shape share sharp sheet shelter shift
  ship shoes shook shooting shop shore short shot shoulder shouted show shown shut sick side sight
  sign signal significance significant silence silent similar simple simply simultaneously sin
  since singing single sister sit site situation six size skill skin sky sleep slight slow small
  smaller smile smoke smooth snow social society soft soil sold soldier solid solution somebody
  somehow someone something sometimes somewhat somewhere son song soon sorry sort sought soul sound
  source space speak special specific specifically speech speed spend spent spirit spiritual spite
  spoke sports spot spread spring square staff stage stairs stand standard stared start state
  statement station status stay steady steel step stick still stock stone stood stop storage store
  story straight strange stranger stream street strength stress strike strong stronger struck
  structure struggle student study style subject substantial success successful sudden suffered
  suffering sufficient suggest suit sum summer sun superior supply support suppose sure surface
  surprise sweet swimming switch swung symbol system table take taken talent talk tall target task
  taste taught tax teach teacher team technical technique technology teeth telephone television
  tell temperature ten tend tendency tension term terrible test text thanks theater theme theory
  therefore thick thin thing think third thirty thoroughly though thought thousand threat three
  threw throat throughout throw thrown thus till time tiny tired title today together told tomorrow
  tone tonight took tool top total touch tour toward town track trade tradition traditional traffic
  tragedy train transfer transportation travel treated treatment tree tremendous trend trial trip
  troops trouble truck true truly trust truth try turn twelve twenty twice two type typical
  ultimate unable understand understood uniform unique unit unity universal universe unknown unless
  unlike unusual upon upper urban use used useful using usual vacation valley valuable value varied
  variety various varying vast vehicles version vice victory view village violence virtually vision
  visit visual vital voice volume vote wage wait walk wall want war warfare warm warning washing
  watch water wave way weakness weapon wearing weather week weight welcome welfare well went wet
  whatever wheel whenever whereas whether white whole whose wide wife wild willing win wind window
  wine winter wire wisdom wish within without woman women won wonder wonderful wood wooden word
  wore work workers world worry worse worth write writer written wrong wrote yards year yellow yes
  yesterday yet young younger youth
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a folded word, or its base form, is ordinary English (generic words included). */
export function isCommonWord(folded: string): boolean {
  if (isGenericWord(folded)) return true;
  // The list may hold only an inflected form of the word ("reflected" for "reflects").
  return baseForms(folded).some((form) => INFLECTIONS.some((ending) => COMMON.has(form + ending)));
}

const INFLECTIONS = ['', 's', 'es', 'd', 'ed', 'ing'];

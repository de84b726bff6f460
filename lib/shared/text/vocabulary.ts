/**
 * Word lists behind the line classifiers. They name kinds of words (interface verbs, parts of a
 * publication's name), never whole lines from any particular site. Lower case.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * Words that, alone, make a line a control of the page rather than part of the article: a short
 * line made of these (and filler words) is a button, link or widget label.
 */
export const UI_WORDS = words(`
  read reading scroll top back reply replies replay comment comments commenting share shares sharing
  shared subscribe subscribed subscription unsubscribe sign signin signup log login logout register
  password verification verify retrieve reset forgot forgotten follow print printer email e-mail
  next previous prev tag tags advertisement advertisements advert ad ads sponsored cookie cookies
  newsletter newsletters click tap download skip menu tweet facebook twitter linkedin whatsapp
  telegram wechat weibo reddit pinterest instagram youtube rss bookmark bookmarks save saved
  loading login/register`);

/**
 * Words that may fill out a control's label ("Continue to the full article") without being
 * enough, alone, to make a line one.
 */
export const FILLER_WORDS = words(`
  a an the to of on in at for with and or by via from this that it our us we me my you your all
  here now more continue continued full article articles story stories post posts page view see
  show hide load like get code link copy open close main content home leave account up out off
  please free today`);

/** Words typical of a publication's name, rarely of a person's. */
export const PUBLICATION_WORDS = words(`
  news times post daily journal gazette herald tribune review weekly monthly press media network
  online magazine agency wire observer chronicle today telegraph express mail star sun guardian
  independent monitor report bulletin digest insider economist standard globe courier dispatch
  record register mirror radio tv television broadcasting channel net info blog service`);

/** Job titles that follow a name in a byline ("Jane Doe, Staff Reporter"). */
export const ROLE_WORDS = words(`
  staff reporter reporters correspondent correspondents editor editors writer writers contributor
  contributors columnist analyst journalist producer photographer author senior chief special
  associate deputy managing bureau desk team`);

/**
 * Month and weekday names, which look like proper names in a header. April, May, June and August
 * are left out: they are also people's names ("Theresa May").
 */
export const CALENDAR_WORDS = words(`
  january february march july september october november december
  monday tuesday wednesday thursday friday saturday sunday`);

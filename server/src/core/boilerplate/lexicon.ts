/**
 * A small lexicon of generic web-page furniture. It lets a single article, with nothing to compare
 * against, have its widgets and labels recognised. It holds words that web templates use for
 * navigation, account, sharing, reaction and listing widgets, never strings of any given article.
 * A line counts as a widget only when it is short and made of nothing but these words (plus a few
 * function words, counts and punctuation), so prose that merely mentions "share" or "top" is safe.
 */

/** Widget, navigation and account words (lower case). */
const WIDGET_WORDS = [
  'log', 'login', 'logout', 'sign', 'signin', 'signup', 'register', 'subscribe', 'subscription', 'subscribed',
  'unsubscribe', 'account', 'profile', 'password', 'menu', 'search', 'home', 'homepage', 'top', 'back',
  'share', 'shares', 'shared', 'sharing', 'tweet', 'retweet', 'like', 'likes', 'liked', 'reactions', 'reaction',
  'react', 'comment', 'comments', 'reply', 'replies', 'print', 'email', 'e-mail', 'mail', 'save', 'saved',
  'bookmark', 'follow', 'followers', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'instagram',
  'youtube', 'tiktok', 'zalo', 'pinterest', 'reddit', 'rss', 'feed', 'newsletter', 'newsletters', 'app', 'download',
  'link', 'copy', 'copied', 'url', 'view', 'views', 'viewed', 'read', 'reads', 'more', 'less', 'next', 'previous',
  'prev', 'page', 'pages', 'click', 'tap', 'here', 'advertisement', 'advertising', 'advert', 'ad', 'ads',
  'sponsored', 'promoted', 'cookie', 'cookies', 'accept', 'privacy', 'policy', 'terms', 'contact', 'about',
  'sitemap', 'skip', 'content', 'close', 'open', 'loading', 'load', 'show', 'hide', 'expand', 'gallery',
  'video', 'videos', 'photo', 'photos', 'listen', 'audio', 'podcast', 'podcasts', 'continue', 'reading',
  'trending', 'popular', 'viewed', 'latest', 'recent', 'related', 'recommended', 'featured', 'editor',
  'editors', 'picks', 'pick', 'stories', 'story', 'news', 'articles', 'article', 'posts', 'post', 'tags', 'tag',
  'topics', 'topic', 'keywords', 'categories', 'category', 'archive', 'archives', 'english', 'version',
  'rate', 'rating', 'vote', 'votes', 'join', 'channel', 'notifications', 'alerts', 'epaper', 'e-paper',
  'donate', 'support', 'members', 'premium', 'free', 'trial', 'upgrade', 'now', 'today', 'also', 'see',
  'recommend', 'send', 'friend', 'report', 'error', 'feedback', 'print', 'font', 'size', 'zoom',
];

/** Function words allowed inside a widget line ("Follow us on Facebook", "Share this article"). */
const GLUE_WORDS = [
  'a', 'an', 'the', 'to', 'of', 'on', 'in', 'for', 'our', 'us', 'your', 'you', 'it', 'this', 'and', 'or', 'with',
  'from', 'by', 'via', 'all', 'most', 'up', 'out', 'at', 'my', 'me', 'may', 'might', 'also',
];

/** Labels that open a list of other articles ("Related news", "Most viewed", "Read more"). */
const LIST_LABELS = [
  'related', 'related news', 'related articles', 'related stories', 'related posts', 'related content',
  'related topics', 'trending', 'trending now', 'trending news', 'trending stories', 'most viewed',
  'most read', 'most popular', 'most shared', 'most commented', 'popular', 'popular news', 'popular stories',
  'read more', 'read also', 'also read', 'see also', 'more news', 'more stories', 'more from', 'latest',
  'latest news', 'latest stories', 'recommended', 'recommended for you', 'you may also like',
  'you might also like', 'editors picks', 'editor s picks', 'top stories', 'top news', 'other news',
  'in other news', 'further reading', 'more on this story', 'featured', 'featured stories', 'what to read next',
];

/** Words of timestamps, reading-time and counter lines ("Updated 3 hours ago", "5 min read", "1,204 views"). */
const TIME_WORDS = [
  'am', 'pm', 'gmt', 'utc', 'ict', 'est', 'edt', 'cet', 'ago', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours',
  'hr', 'hrs', 'sec', 'seconds', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'yesterday',
  'today', 'updated', 'update', 'published', 'posted', 'modified', 'last', 'on', 'at', 'read', 'reading', 'time',
  'views', 'view', 'comments', 'comment', 'shares', 'likes', 'reads', 'date', 'th', 'st', 'nd', 'rd',
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thursday', 'fri', 'friday',
  'sat', 'saturday', 'sun', 'sunday',
];

/** Words that mark a time or counter line as such (a bare number is not enough: it may be a table cell). */
const TIME_MARKERS = new Set([
  'am', 'pm', 'gmt', 'utc', 'ago', 'min', 'mins', 'minutes', 'hours', 'updated', 'published', 'posted',
  'modified', 'views', 'comments', 'shares', 'likes', 'reads',
]);

export const widgetWords: ReadonlySet<string> = new Set(WIDGET_WORDS);
export const glueWords: ReadonlySet<string> = new Set(GLUE_WORDS);
export const listLabels: ReadonlySet<string> = new Set(LIST_LABELS);
export const timeWords: ReadonlySet<string> = new Set(TIME_WORDS);
export const timeMarkers: ReadonlySet<string> = TIME_MARKERS;

/**
 * Label prefixes ending in a colon that introduce furniture: "Tags: …", "Read more: …",
 * "Photo: …", "Source: …". Matched at the start of a line.
 */
export const LABEL_PREFIX =
  /^(tags?|topics?|keywords?|categor(y|ies)|filed under|related( news| articles| stories)?|read (more|also)|also read|see also|more( news)?|share( this)?( article| story| post)?|follow us|source|photos?|images?|credits?|video|watch|listen|advertisement|sponsored|editor|editing|edited by|translated by|reporting by|compiled by)\s*[:|>»]/i;

/** Bylines: "By John Smith", "Reporting by …", "Story: …". */
export const BYLINE = /^(by|written by|reported by|story by|text by|posted by|words by)\s+/;

/** Copyright and rights lines. */
export const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\breproduction\b.*\b(prohibited|permission)\b/i;

/**
 * Photo captions and credits: "… Photo: VGP", "(Photo: Reuters/…)", "Photo by Jane Doe", "File photo: …".
 * The label must be capitalised or in brackets, and followed by a colon or "by" and a name, so that
 * running text about photos or credit is not taken for a caption.
 */
export const PHOTO_CREDIT =
  /(^|[\s.,;—–-])(Photo|PHOTO|Photos|Photograph|Image|Picture|Pic|File photo|Illustration|Credit|Graphic|Source photo)\s*:\s*\S|\b(Photo|Picture|Image)s? by \p{Lu}|\(([Pp]hotos?|PHOTO|[Ii]mage|[Ff]ile photo|[Ii]llustration|[Pp]ic)\b[^)]*\)/u;

/** A lone agency or outlet code: "KPL", "VNA/VNS", "— AFP". */
export const AGENCY_CODE = /^[-—–•\s(]*[\p{Lu}]{2,6}([/&][\p{Lu}]{2,6})*[)\s]*$/u;

/** A menu: three or more short items separated by bars, bullets or slashes. */
export const MENU_SEPARATOR = /\s[|•·»>\/]\s|\s{3,}/;

// Package redirect writes the HTML pages that send a reader from one URL to
// another on a static host: aliases (old URLs of a page) and, later, short
// links. A page redirects at once (meta refresh), names the target as its
// canonical URL so search engines index the target, is marked noindex, and
// shows a plain link for browsers that do not follow the refresh.
package redirect

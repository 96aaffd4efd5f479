"""Every item type of the table, one module per area; keys are derived there, from each item's own fields.

Code imports the area it uses (``portside.deals.models``), so that a route loads the models
of its own area only: every model class costs about 1.5 ms of a cold start. PynamoDB filters a
query through a model by that model's item types, so a partial registry never misreads an item;
``every`` imports all areas, for the code that reads items of any type (tests, the schema check).

Access patterns and the key that serves each:

| pattern | operation | key |
|---|---|---|
| tenant for a request's host (the one key not tenant-first) | GetItem | ``HOST#<hostname>`` / ``HOST`` |
| tenant settings and brand | GetItem | ``T#<t>`` / ``TENANT`` |
| every tenant (daily jobs only, the one list that is not per tenant) | Query GSI1 | ``TENANTS`` / ``<t>`` |
| partner by id | GetItem | ``T#<t>#PARTNER#<p>`` / ``PARTNER`` |
| partners of a tenant, by name | Query GSI1 | ``T#<t>#PARTNERS`` / ``<name>#<p>`` |
| contact by id | GetItem | ``T#<t>#CONTACT#<c>`` / ``CONTACT`` |
| contact by email (unique per tenant) | GetItem | ``T#<t>#EMAIL#<email>`` / ``EMAIL`` |
| contacts of a partner, by name | Query GSI1 | ``T#<t>#PARTNER#<p>#CONTACTS`` / ``<name>#<c>`` |
| a tenant's contacts by status, then activity | Query GSI2 | ``T#<t>#CONTACTS`` / ``<status order>#<time>#<c>`` |
| admin of a tenant by email (membership) | GetItem | ``T#<t>#ADMIN#<email>`` / ``ADMIN`` |
| admins of a tenant | Query GSI1 | ``T#<t>#ADMINS`` / ``<email>`` |
| admin session by cookie | GetItem (consistent) | ``T#<t>#ADMINSESSION#<sha256>`` / ``ADMINSESSION`` |
| whose admin challenge a Cognito session is | GetItem (consistent) | ``T#<t>#ADMINCHALLENGE#<sha256>`` / ``…`` |
| an authenticator code already used | conditional Put | ``T#<t>#ADMINTOTP#<email>#<code>`` / ``USED`` |
| a single sign-on under way, by its state | GetItem (consistent) | ``T#<t>#SSOATTEMPT#<sha256>`` / ``SSOATTEMPT`` |
| identity provider groups and their admin roles | Query | ``T#<t>#GROUPROLES`` / ``GROUP#<group>`` |
| access reviews, newest first | Query | ``T#<t>#ACCESSREVIEW`` / ``<time>#<id>`` |
| deal by id | GetItem | ``T#<t>#DEAL#<d>`` / ``DEAL`` |
| deals of a partner, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#DEALS`` / ``<time>#<d>`` |
| pending deals, oldest first (the approval queue) | Query GSI2 | ``T#<t>#DEALS#PENDING`` / ``<time>#<d>`` |
| approved deals by end of protection (daily job, console) | Query GSI2 | ``T#<t>#DEALS#PROTECTED`` / ``<until>#<d>`` |
| rejected deals, newest decision first (console) | Query GSI2 | ``T#<t>#DEALS#REJECTED`` / ``<decided>#<d>`` |
| expired deals, newest first (console) | Query GSI2 | ``T#<t>#DEALS#EXPIRED`` / ``<ended>#<d>`` |
| question by id | GetItem | ``T#<t>#QUESTION#<q>`` / ``QUESTION`` |
| questions of a partner, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#QUESTIONS`` / ``<time>#<q>`` |
| questions of a tenant, open first | Query GSI2 | ``T#<t>#QUESTIONS`` / ``0#<asked>#<q>``, ``1#<countdown>#<q>`` |
| a partner's recent updates, newest first (the dashboard) | Query | ``T#<t>#PARTNER#<p>#UPDATES`` / ``<time>#<id>`` |
| a customer's open registrations and head | Query (consistent) | ``T#<t>#CUSTOMER#<key>`` / ``DEAL#<d>``, ``HEAD`` |
| sign-in or invite token by its hash | GetItem | ``T#<t>#TOKEN#<sha256>`` / ``TOKEN`` |
| a request for a sign-in link, to fulfil | GetItem | ``T#<t>#SIGNINREQUEST#<id>`` / ``SIGNINREQUEST`` |
| requests the stream never delivered (the sweeper) | Query GSI1 | ``T#<t>#SIGNINREQUEST#PENDING`` / ``<time>#<id>`` |
| session by cookie | GetItem (consistent) | ``T#<t>#CONTACT#<c>`` / ``SESSION#<sha256>`` |
| every session of a contact (to end them) | Query (consistent) | ``T#<t>#CONTACT#<c>`` / begins_with ``SESSION#`` |
| rate-limit window | UpdateItem ADD | ``T#<t>#RATE#<scope>#<sha256(subject)>#<window>`` / ``RATE`` |
| document space by id | GetItem | ``T#<t>#SPACE#<s>`` / ``SPACE`` |
| document spaces of a tenant, by name (a contact sees some) | Query GSI1 | ``T#<t>#SPACES`` / ``<name>#<s>`` |
| document by id (download, archive) | GetItem | ``T#<t>#DOCUMENT#<d>`` / ``DOCUMENT`` |
| a document's versions | Query | ``T#<t>#DOCUMENT#<d>`` / begins_with ``VERSION#`` |
| documents of a space, newest first | Query GSI1 | ``T#<t>#SPACE#<s>#DOCUMENTS`` / ``<uploaded>#<d>`` |
| the document a title names within a space | GetItem (consistent) | ``T#<t>#SPACE#<s>#TITLE#<title>`` / ``TITLE`` |
| downloads of a document, newest first | Query | ``T#<t>#DOCUMENT#<d>#DOWNLOADS`` / ``<time>#<id>`` |
| a document version to announce to its readers | GetItem (consistent) | ``T#<t>#ANNOUNCEMENT#<d>#<v>`` / ``…`` |
| announcements not yet fulfilled (the sweeper) | Query GSI1 | ``T#<t>#ANNOUNCEMENTS`` / ``<time>#<d>`` |
| an order of a partner, by its number | GetItem | ``T#<t>#PARTNER#<p>#ORDER#<number>`` / ``ORDER`` |
| a partner's orders, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#ORDERS`` / ``<placed>#<number>`` |
| a partner's open orders, newest first (sparse) | Query GSI2 | ``T#<t>#PARTNER#<p>#ORDERS#OPEN`` / ``<placed>#<n>`` |
| a partner's orders by the start of an order or PO number | Query | ``T#<t>#PARTNER#<p>#ORDERREFS`` / ``<ref>#<n>`` |
| latest order changes (in the updates' Query) | GetItem, PutItem | ``T#<t>#PARTNER#<p>#UPDATES`` / ``~ORDERCHANGES`` |
| product and its stock by SKU | GetItem | ``T#<t>#PRODUCT#<sku>`` / ``PRODUCT`` |
| products by the start of the name | Query GSI1 | ``T#<t>#PRODUCTS#NAME`` / ``<name>#<sku>`` |
| products by the start of the SKU | Query GSI2 | ``T#<t>#PRODUCTS#SKU`` / ``<sku>`` |
| prices of a tier, by SKU | Query | ``T#<t>#PRICES#TIER#<tier>`` / ``<sku>#<min qty>#<from>`` |
| one partner's own prices (overriding its tier's) | Query | ``T#<t>#PRICES#PARTNER#<p>`` / ``<sku>#<min qty>#<from>`` |
| a partner's account | GetItem | ``T#<t>#PARTNER#<p>#ACCOUNT`` / ``ACCOUNT`` |
| pricing or credit request by id | GetItem (consistent) | ``T#<t>#PRICINGREQUEST#<r>`` / ``…`` |
| a partner's requests, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#PRICINGREQUESTS`` / ``<time>#<r>`` |
| pending requests, oldest first (the queue) | Query GSI2 | ``T#<t>#PRICINGREQUESTS#PENDING`` / ``<time>#<r>`` |
| special prices by their last day (daily job) | Query GSI2 | ``T#<t>#PRICINGREQUESTS#ENDING`` / ``<day>#<r>`` |
| when each kind of ERP data last arrived | GetItem (cached a minute) | ``T#<t>#FRESHNESS`` / ``FRESHNESS`` |
| a refused form, shown again on its page | GetItem | ``T#<t>#FORMDRAFT#<id>`` / ``FORMDRAFT`` |
| audit log, newest first (by date range) | Query | ``T#<t>#AUDIT`` / ``<time>#<id>`` |
| audit trail of one actor | Query GSI1 | ``T#<t>#AUDIT#ACTOR#<actor>`` / ``<time>#<id>`` |
| outbox mail by id (the stream feeds the worker) | GetItem | ``T#<t>#OUTBOX#<id>`` / ``OUTBOX`` |
| pending mail due for another attempt (the sweeper) | Query GSI1 | ``T#<t>#OUTBOX#PENDING`` / ``<due time>#<id>`` |
| parked (failed) mail, newest first | Query GSI1 | ``T#<t>#OUTBOX#FAILED`` / ``<time>#<id>`` |

Answered questions sort by a countdown of seconds from their latest answer, so the latest comes first.

The status order of GSI2 is 0 invited (time: invited), 1 active (time: last activity), 9 disabled:
engagement reads the invited and the long-unseen as key ranges, access review reads the lot.

Sessions live in their contact's partition so that ending every session of a contact is
one strongly consistent Query, never a lagging index.
"""

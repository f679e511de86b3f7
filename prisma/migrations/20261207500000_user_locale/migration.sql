-- The interface language a person chose in the user menu (a BCP 47 tag the web
-- app ships: packages/contracts LOCALES). Null until they choose: the browser's
-- preferred languages decide. The check keeps the column to what the contract
-- can return; shipping a new language adds it here too.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_shipped" CHECK ("locale" IN ('en', 'zh-CN'));

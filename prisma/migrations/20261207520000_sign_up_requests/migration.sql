-- A sign-up waiting for its email to be confirmed (SIGNUP=open with SMTP_URL).
-- The account is created when the emailed link is used, so the sign-up answer
-- is the same for a taken email. Only the SHA-256 of the link's secret and the
-- password's scrypt hash are stored.
CREATE TABLE "sign_up_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "sign_up_requests_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "sign_up_requests_token_hash_key" ON "sign_up_requests"("token_hash");
CREATE INDEX "sign_up_requests_email_idx" ON "sign_up_requests"("email");

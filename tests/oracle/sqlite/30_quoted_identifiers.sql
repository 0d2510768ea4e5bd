-- Quoted names in all three styles.
CREATE TABLE "my table" ("first col" TEXT, [second col] INTEGER, `third` REAL, PRIMARY KEY ("first col"));
CREATE INDEX "my index" ON "my table" ([second col]);
ALTER TABLE "my table" ADD COLUMN "fourth col" TEXT;

-- Which one-time seeds have run (the demo data is seeded on the first start only).
CREATE TABLE seed_runs (
    name   text        PRIMARY KEY,
    ran_at timestamptz NOT NULL DEFAULT now()
);

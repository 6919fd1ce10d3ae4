-- 「設定」 → 「営業日カレンダー」 (B6): the company's business hours and year-end break (one row
-- for the installation; none means the defaults, 9:00-18:00 and 12/29-1/3) and the company's own
-- holidays. 「翌営業日 9:00」, the 予約送信 warnings and the 返信待ち age count by them.
CREATE TABLE business_calendar (
    id            boolean     PRIMARY KEY DEFAULT true CHECK (id),
    work_start    time        NOT NULL,
    work_end      time        NOT NULL CHECK (work_end > work_start),
    -- Month and day, 'M/D': the break has no year.
    year_end_from text        NOT NULL,
    year_end_to   text        NOT NULL,
    updated_by    bigint      REFERENCES users (id) ON DELETE SET NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE company_holidays (
    day        date        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    created_by bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL
);

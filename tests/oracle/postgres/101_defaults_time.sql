-- Date and time defaults: functions, SQL value functions, literals, intervals.
CREATE TABLE tm (
    a timestamptz DEFAULT now(),
    b timestamp DEFAULT CURRENT_TIMESTAMP,
    c timestamptz DEFAULT CURRENT_TIMESTAMP,
    d date DEFAULT CURRENT_DATE,
    e timestamp DEFAULT LOCALTIMESTAMP,
    f time DEFAULT CURRENT_TIME,
    g timestamp DEFAULT (now() AT TIME ZONE 'utc'),
    h timestamp DEFAULT timezone('utc', now()),
    i date DEFAULT '2020-01-01',
    j timestamptz DEFAULT '1970-01-01 00:00:00+00',
    k timestamp DEFAULT '2001-02-03 04:05:06',
    l interval DEFAULT '1 day',
    m timestamptz DEFAULT now() + interval '30 days',
    n timestamp(3) DEFAULT CURRENT_TIMESTAMP(3),
    o timestamptz DEFAULT statement_timestamp(),
    p date DEFAULT 'epoch'
);

-- A reject is kept once per input and reason, with the time it was first seen.
INSERT INTO rejects BY NAME
SELECT * FROM batch_rejects
ON CONFLICT (reject_id) DO NOTHING;

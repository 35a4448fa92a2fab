INSERT INTO runs (run_id, flow, inputs, started_at, status) VALUES ($run_id, $flow, $inputs, $started_at, 'running')
ON CONFLICT (run_id) DO NOTHING;

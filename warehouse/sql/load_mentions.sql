INSERT INTO events BY NAME SELECT * FROM batch_events;

INSERT INTO mentions BY NAME SELECT * FROM batch_mentions;

INSERT INTO timexes BY NAME SELECT * FROM batch_timexes;

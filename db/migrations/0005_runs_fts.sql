-- Full-text search over prompts and answers (SQLite FTS5, external content = runs).
CREATE VIRTUAL TABLE `runs_fts` USING fts5(`prompt_text`, `output_text`, content='runs', content_rowid='rowid', tokenize='unicode61');
--> statement-breakpoint
CREATE TRIGGER `runs_fts_insert` AFTER INSERT ON `runs` BEGIN
  INSERT INTO `runs_fts`(rowid, `prompt_text`, `output_text`) VALUES (new.rowid, new.`prompt_text`, new.`output_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `runs_fts_delete` AFTER DELETE ON `runs` BEGIN
  INSERT INTO `runs_fts`(`runs_fts`, rowid, `prompt_text`, `output_text`) VALUES ('delete', old.rowid, old.`prompt_text`, old.`output_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `runs_fts_update` AFTER UPDATE OF `prompt_text`, `output_text` ON `runs` BEGIN
  INSERT INTO `runs_fts`(`runs_fts`, rowid, `prompt_text`, `output_text`) VALUES ('delete', old.rowid, old.`prompt_text`, old.`output_text`);
  INSERT INTO `runs_fts`(rowid, `prompt_text`, `output_text`) VALUES (new.rowid, new.`prompt_text`, new.`output_text`);
END;
--> statement-breakpoint
INSERT INTO `runs_fts`(`runs_fts`) VALUES ('rebuild');

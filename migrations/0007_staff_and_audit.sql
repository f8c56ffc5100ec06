-- Placeholder: replaced by this migration's statements before it ships.
SELECT 1;
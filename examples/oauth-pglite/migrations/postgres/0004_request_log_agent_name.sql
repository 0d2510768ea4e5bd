-- Audit only: filled by the production proxy, not by this service.
ALTER TABLE mcp_request_log ADD COLUMN agent_name text;

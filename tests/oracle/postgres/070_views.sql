-- CREATE [OR REPLACE] VIEW, column types of views, views over views, column aliases.
CREATE TABLE orders (id integer PRIMARY KEY, customer text, total numeric(10, 2), placed date);
CREATE VIEW big_orders AS SELECT id, customer, total FROM orders WHERE total > 100;
CREATE VIEW customer_totals (customer, orders, sum) AS
    SELECT customer, count(*), sum(total) FROM orders GROUP BY customer;
CREATE OR REPLACE VIEW big_orders AS SELECT id, customer, total, placed FROM orders WHERE total > 1000;
CREATE VIEW top_customers AS SELECT customer FROM customer_totals ORDER BY sum DESC LIMIT 10;

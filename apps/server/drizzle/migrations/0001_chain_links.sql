CREATE TABLE "chain_links" (
	"from_node_id" text NOT NULL,
	"to_node_id" text NOT NULL,
	CONSTRAINT "chain_links_from_node_id_to_node_id_pk" PRIMARY KEY("from_node_id","to_node_id")
);
--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_from_node_id_chain_nodes_id_fk" FOREIGN KEY ("from_node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_to_node_id_chain_nodes_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_links_to_idx" ON "chain_links" USING btree ("to_node_id");
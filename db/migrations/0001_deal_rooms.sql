CREATE TABLE `deal_room_annotations` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`target_kind` varchar(10) NOT NULL,
	`target` varchar(64) NOT NULL,
	`text` text NOT NULL,
	`resolved_by_user_id` varchar(36),
	`resolved_at` datetime(3),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_annotations_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deal_room_messages` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`author_user_id` varchar(36) NOT NULL,
	`body` text NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `deal_room_participants` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`deal_room_id` varchar(36) NOT NULL,
	`user_id` varchar(36) NOT NULL,
	`role` varchar(20) NOT NULL,
	`can_chat` boolean NOT NULL,
	`can_annotate` boolean NOT NULL,
	`can_edit` boolean NOT NULL,
	`added_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `deal_room_participants_id` PRIMARY KEY(`id`),
	CONSTRAINT `deal_room_participants_room_user_uq` UNIQUE(`org_id`,`deal_room_id`,`user_id`)
);
--> statement-breakpoint
CREATE TABLE `deal_rooms` (
	`id` varchar(36) NOT NULL,
	`org_id` varchar(36) NOT NULL,
	`submission_id` varchar(36) NOT NULL,
	`status` varchar(10) NOT NULL DEFAULT 'active',
	`created_by_user_id` varchar(36) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`ended_reason` varchar(20),
	`ended_at` datetime(3),
	CONSTRAINT `deal_rooms_id` PRIMARY KEY(`id`),
	CONSTRAINT `deal_rooms_org_submission_uq` UNIQUE(`org_id`,`submission_id`)
);
--> statement-breakpoint
CREATE INDEX `deal_room_annotations_room_created_idx` ON `deal_room_annotations` (`org_id`,`deal_room_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deal_room_messages_room_created_idx` ON `deal_room_messages` (`org_id`,`deal_room_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deal_room_participants_org_user_idx` ON `deal_room_participants` (`org_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `deal_rooms_org_status_idx` ON `deal_rooms` (`org_id`,`status`,`created_at`);
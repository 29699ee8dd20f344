import { z } from "zod";

/** A person's name, email and password, as the owner setup and an invite acceptance take them. */
export const newAccountSchema = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100),
    email: z.email("a valid email address is required").max(320),
    password: z.string().min(8, "the password needs at least 8 characters").max(256),
  })
  .strict();

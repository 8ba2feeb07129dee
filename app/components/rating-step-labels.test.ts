import { expect, test } from "vitest";
import { stepLabels } from "./rating-step-labels.ts";

test("a rating step made of several lines is lettered, so no step number appears twice", () => {
  expect(stepLabels([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11])).toEqual([
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "11a",
    "11b",
  ]);
  expect(stepLabels([9, 10, 10, 11])).toEqual(["9", "10a", "10b", "11"]);
});

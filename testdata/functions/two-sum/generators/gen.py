"""Writes two-sum's data/sample and data/secret (answers from a hash-map
reference solution). Run from anywhere: python3 gen.py"""
import json, os, glob, random
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')

def dump(v):
    return json.dumps(v, separators=(',', ':'), ensure_ascii=False)

def write(name, yaml_text, statement, samples, secrets, ref):
    d = os.path.join(ROOT, name)
    for kind, tests in (('sample', samples), ('secret', secrets)):
        dd = f'{d}/data/{kind}'
        os.makedirs(dd, exist_ok=True)
        for old in glob.glob(dd + '/*.in') + glob.glob(dd + '/*.ans'):
            os.remove(old)
        for i, args in enumerate(tests, 1):
            base = f'{dd}/{i:02d}'
            with open(base + '.in', 'w') as f:
                f.write(''.join(dump(a) + '\n' for a in args))
            with open(base + '.ans', 'w') as f:
                f.write(dump(ref(*args)) + '\n')

random.seed(1)
def ref(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen: return [seen[target - x], i]
        seen[x] = i
def case(n, lo, hi):
    vals = random.sample(range(lo, hi), n)
    i, j = random.sample(range(n), 2)
    # make the pair unique: shift every other value far from the target
    return vals, vals[i] + vals[j]
def unique(nums, t):
    c = 0; seen = {}
    for x in nums:
        c += seen.get(t - x, 0); seen[x] = seen.get(x, 0) + 1
    return c == 1
secrets = [([0, 4, 3, 0], 0), ([-1, -2, -3, -4, -5], -8), ([1000000000, -1000000000], 0),
           ([5, 75, 25], 100), ([2, 5, 5, 11], 10)]
while len(secrets) < 10:
    nums, t = case(random.choice([10, 100, 1000]), -5*10**8, 5*10**8)
    if unique(nums, t): secrets.append((nums, t))
# large: 10^5 small values and one pair of big ones at the end, so an O(n^2) scan does all the work
n = 100000
small = random.sample(range(0, 10**6), n - 2)
a, b = 500000000 + random.randrange(1000), 400000000 + random.randrange(1000)
secrets.append((small + [a, b], a + b))
write('two-sum', '''
name: Two Sum
type: function
difficulty: easy
tags: [array, hash-table]
function:
  name: twoSum
  params:
    - {name: nums, type: "integer[]"}
    - {name: target, type: integer}
  return: {type: "integer[]"}
  compare: {unordered: top}
''', r'''
# Two Sum

Given an array of integers `nums` and an integer `target`, return the indices of the two
numbers such that they add up to `target`.

Each input has exactly one solution, and you may not use the same element twice. You can
return the answer in any order.

## Example 1

    Input: nums = [2,7,11,15], target = 9
    Output: [0,1]

Because $nums[0] + nums[1] = 2 + 7 = 9$.

## Example 2

    Input: nums = [3,2,4], target = 6
    Output: [1,2]

## Constraints

- $2 \le n \le 10^5$ where $n$ is the length of `nums`
- $-10^9 \le nums[i] \le 10^9$, $-10^9 \le target \le 10^9$
- Exactly one valid answer exists.

An $O(n^2)$ solution is too slow: aim for $O(n)$ or $O(n \log n)$.
''', [([2, 7, 11, 15], 9), ([3, 2, 4], 6), ([3, 3], 6)], secrets, ref)

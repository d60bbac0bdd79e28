#!/usr/bin/env python3
"""Splits one-line javadocs that hold several block tags into one tag per line.

    /** Sets x. @param a the a @return this */   becomes   /**
                                                            * Sets x.
                                                            *
                                                            * @param a the a
                                                            * @return this
                                                            */

javadoc renders "@param a ... @return ..." on one line as one run-on parameter description. Usage:
    python3 tools/javadoc-tags.py $(git ls-files '*.java')
Files are rewritten in place; a javadoc with at most one block tag is left alone.
"""
import re, sys
ONE = re.compile(r'^(\s*)/\*\*\s*(.*?)\s*\*/\s*$')
TAG = re.compile(r'\s(?=@(?:param|return|throws|see)\b)')
def split(line):
    m = ONE.match(line)
    if not m:
        return None
    indent, body = m.groups()
    if len(re.findall(r'(?:^|\s)@(?:param|return|throws)\b', body)) < 2:
        return None
    parts = [p.strip() for p in TAG.split(body) if p.strip()]
    out = [indent + '/**']
    if not parts[0].startswith('@'):
        out += [indent + ' * ' + parts[0], indent + ' *']
        parts = parts[1:]
    out += [indent + ' * ' + p for p in parts]
    out.append(indent + ' */')
    return out
changed = 0
for f in sys.argv[1:]:
    lines = open(f).read().split('\n')
    new = []
    for l in lines:
        s = split(l)
        if s:
            new += s; changed += 1
        else:
            new.append(l)
    if new != lines:
        open(f, 'w').write('\n'.join(new))
print(changed, 'javadocs split')

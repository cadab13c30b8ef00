# Evidence for the equivalence marks in src/LrSchedules/Internal/RestartCycles.cs (lines 64 and 281): the table of
# cycle starts is a fast path. A python3 port of the table lookup and of the closed form (logarithm estimate plus its
# corrections) finds the same cycle for every position on and next to every tabled start. Run: python3 docs/mutation/evidence/restart-cycles-fastpath.py
# Prints 'checked N bad 0'.
import math, random, sys
def whole_starts(P, m):
    if m < 2 or m != math.floor(m) or m >= 2**63 or P != math.floor(P) or P >= 2**63: return None
    p, mm = int(P), int(m); s=[0.0]; st=0
    while True:
        nx = st*mm+p
        if nx > 2**63-1: return s
        st=nx; s.append(float(st))
def mpow(a,b):
    try: return math.pow(a,b)
    except OverflowError: return math.inf
def mk(P, m):
    ws = whole_starts(P, m)
    def start(i):
        if ws is not None and i < len(ws): return ws[int(i)]
        return (1.0 - mpow(m, i)) / (1.0 - m) * P
    return start
def table(start):
    st=[start(0.0)]
    while len(st) <= 128 and st[-1] < 2.0**63:
        nx = start(float(len(st)))
        if not (nx > st[-1]): break
        st.append(nx)
    return st
def closed(pos, P, m, start, logm):
    idx = math.floor(math.log(1.0 + (pos / P * (m - 1.0))) / logm)
    s = start(float(idx))
    if s > pos: idx -= 1
    else:
        if start(idx+1.0) <= pos: idx += 1
    return idx
import bisect
bad=0; n=0
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
ms = [1+c*2**-52 for c in (1,2,3,5,7,100,1000,12345)] + [1+2**-40, 1+1e-9, 1.000001, 1.001,1.01,1.1,1.5,2,3,7,10,1e3,1e10,1e300] + [1+random.random()*3 for _ in range(30)] + [1+random.random()*1e-6 for _ in range(10)]
Ps = [1,2,3,7,10,1000,123457,2**53+1, 10**17+3, 2**62+5] 
for m in ms:
  for P in Ps:
    P=float(P); start=mk(P,m); st=table(start); logm=math.log(m)
    for i,s in enumerate(st):
        if math.isinf(s): continue
        cands={s, math.nextafter(s,-1), math.nextafter(s, math.inf), float(math.floor(s)), float(math.floor(s))-1, float(math.ceil(s)), float(math.floor(s))+1}
        if i+1<len(st): cands.add((s+st[i+1])/2)
        for pos in cands:
            if pos<0 or pos>=st[-1]: continue
            n+=1
            t = bisect.bisect_right(st,pos)-1
            c = closed(pos,P,m,start,logm)
            if t!=c:
                bad+=1
                if bad<20: print("DIFF m=%r P=%r pos=%r table=%d closed=%d"%(m,P,pos,t,c))
print("checked",n,"bad",bad)

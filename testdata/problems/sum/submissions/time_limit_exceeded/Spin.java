import java.util.*;
public class Spin { public static void main(String[] args) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); long x = 0; while (true) { x++; if (x == Long.MIN_VALUE) System.out.print(""); } } }

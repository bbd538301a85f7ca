int main(){for(;;);}
